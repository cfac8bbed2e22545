// Command validate checks the deployment files of CyCube offline, with no cluster: it renders the Helm chart
// deploy/helm/cycube with its default values and with the production-like example, decodes every rendered object
// strictly into its Kubernetes API type, checks what a cluster would only show at run time (probes, resources,
// selectors, NetworkPolicies, security contexts, secrets by reference), and checks the Prometheus configuration and
// alerting rules, the Grafana provisioning and compose.yaml. Any finding fails the run (exit status 1).
//
//	go run ./validate            (from deploy/; the Maven module deploy runs it in the test phase)
//	go run ./validate -repo /path/to/repository
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
)

func main() {
	repo := flag.String("repo", "..", "the repository's root folder")
	verbose := flag.Bool("v", false, "list what was checked")
	dump := flag.String("render", "", "print the chart rendered with this values file (\"-\": the defaults) and stop, like helm template")
	flag.Parse()
	// Helm notes the chart's symbolic links (files/ links to the repository's router config and realm) at INFO
	slog.SetLogLoggerLevel(slog.LevelWarn)
	root, err := filepath.Abs(*repo)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if *dump != "" {
		os.Exit(render(root, *dump))
	}
	report := ValidateRepository(root)
	if *verbose || len(report.Findings) > 0 {
		for _, line := range report.Checked {
			fmt.Println("checked:", line)
		}
	}
	for _, f := range report.Findings {
		fmt.Println("FINDING:", f)
	}
	if len(report.Findings) > 0 {
		fmt.Printf("deploy validation: %d finding(s)\n", len(report.Findings))
		os.Exit(1)
	}
	fmt.Printf("deploy validation: %d checks, no findings\n", len(report.Checked))
}

func render(root, valuesFile string) int {
	var files []string
	if valuesFile != "-" {
		files = append(files, valuesFile)
	}
	supergraph, _ := os.ReadFile(filepath.Join(root, "schema", "supergraph.graphql"))
	objects, err := RenderChart(filepath.Join(root, "deploy", "helm", "cycube"), files,
		map[string]any{"router": map[string]any{"supergraph": string(supergraph)}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for _, object := range objects {
		fmt.Printf("---\n# Source: %s\n%s\n", object.Template, object.YAML)
	}
	return 0
}
