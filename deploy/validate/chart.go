package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	chartcommon "helm.sh/helm/v4/pkg/chart/common"
	chartutil "helm.sh/helm/v4/pkg/chart/common/util"
	"helm.sh/helm/v4/pkg/chart/v2/lint"
	"helm.sh/helm/v4/pkg/chart/v2/lint/support"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	"helm.sh/helm/v4/pkg/engine"
	releaseutil "helm.sh/helm/v4/pkg/release/v1/util"
	"sigs.k8s.io/yaml"
)

// Rendered is one object of a rendered chart: the template it came from and its YAML.
type Rendered struct {
	Template string
	YAML     string
}

// The release the checks render, in a namespace of its own.
const (
	releaseName      = "cycube"
	releaseNamespace = "cycube"
)

// RenderChart renders the chart at dir as `helm template` would, with the values files given (in order) and then the
// overrides (as --set/--set-file would), and splits the output into objects. Hooks (the realm import Job) included.
func RenderChart(dir string, valuesFiles []string, overrides map[string]any) ([]Rendered, error) {
	chart, err := loader.LoadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("loading the chart: %w", err)
	}
	values := map[string]any{}
	for _, file := range valuesFiles {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		var fileValues map[string]any
		if err := yaml.Unmarshal(data, &fileValues); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		values = chartutil.MergeTables(fileValues, values)
	}
	values = chartutil.MergeTables(deepCopy(overrides), values)

	caps := chartcommon.DefaultCapabilities
	renderValues, err := chartutil.ToRenderValues(chart, values, chartcommon.ReleaseOptions{
		Name: releaseName, Namespace: releaseNamespace, Revision: 1, IsInstall: true,
	}, caps)
	if err != nil {
		return nil, fmt.Errorf("values: %w", err)
	}
	var eng engine.Engine
	eng.Strict = false
	files, err := eng.Render(chart, renderValues)
	if err != nil {
		return nil, fmt.Errorf("rendering: %w", err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var objects []Rendered
	for _, name := range names {
		if strings.HasSuffix(name, "NOTES.txt") || strings.HasPrefix(baseName(name), "_") {
			continue
		}
		manifests := releaseutil.SplitManifests(files[name])
		keys := make([]string, 0, len(manifests))
		for key := range manifests {
			keys = append(keys, key)
		}
		sort.Sort(releaseutil.BySplitManifestsOrder(keys))
		for _, key := range keys {
			text := manifests[key]
			if strings.TrimSpace(stripComments(text)) == "" {
				continue
			}
			objects = append(objects, Rendered{Template: name, YAML: text})
		}
	}
	if len(objects) == 0 {
		return nil, fmt.Errorf("the chart rendered no object")
	}
	return objects, nil
}

// LintChart runs Helm's own chart linter (Chart.yaml, values, templates); errors are findings, warnings too.
func LintChart(dir string, values map[string]any) Report {
	var report Report
	result := lint.RunAll(dir, values, releaseNamespace)
	for _, message := range result.Messages {
		if message.Severity >= support.WarningSev {
			report.fail("helm lint: %s", message.Error())
		}
	}
	report.check("helm lint of deploy/helm/cycube")
	return report
}

func baseName(path string) string {
	return path[strings.LastIndex(path, "/")+1:]
}

func stripComments(text string) string {
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

func deepCopy(in map[string]any) map[string]any {
	out := make(map[string]any, len(in))
	for key, value := range in {
		if nested, ok := value.(map[string]any); ok {
			out[key] = deepCopy(nested)
		} else {
			out[key] = value
		}
	}
	return out
}
