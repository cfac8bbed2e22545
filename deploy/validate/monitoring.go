package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
	"sigs.k8s.io/yaml"
)

var promqlParser = parser.NewParser(parser.Options{})

// The metrics the alerts may use: the subgraphs' own (subgraphs/support), the JVM's and the router's. An expression
// on a misspelt metric would never fire, so a name outside these is a finding.
var knownMetric = regexp.MustCompile(`^(cycube_[a-z0-9_]+|up|jvm_[a-z0-9_]+|process_[a-z0-9_]+|http_server_[a-z0-9_]+|graphql_[a-z0-9_]+|hikaricp_[a-z0-9_]+|mongodb_[a-z0-9_]+)$`)

var severities = map[string]bool{"critical": true, "warning": true, "info": true}

// CheckAlertRules parses the rules file with Prometheus' own parser (rulefmt: unknown fields, durations, PromQL,
// label and annotation templates) and checks what on-call needs: a severity, a summary, a description and a
// runbook_url into an existing anchor of docs/operations.md.
func CheckAlertRules(rulesPath, operationsPath string) Report {
	var r Report
	content, err := os.ReadFile(rulesPath)
	if err != nil {
		r.fail("%v", err)
		return r
	}
	groups, errs := rulefmt.Parse(content, false, model.UTF8Validation, promqlParser, slog.New(slog.NewTextHandler(io.Discard, nil)))
	for _, e := range errs {
		r.fail("%v", e)
	}
	if groups == nil {
		return r
	}
	anchors := markdownAnchors(operationsPath)
	if anchors == nil {
		r.fail("docs/operations.md is missing or has no headings")
	}
	alerts := 0
	for _, group := range groups.Groups {
		for _, rule := range group.Rules {
			if rule.Alert == "" {
				continue
			}
			alerts++
			where := fmt.Sprintf("group %s, alert %s", group.Name, rule.Alert)
			if !regexp.MustCompile(`^[A-Z][A-Za-z0-9]+$`).MatchString(rule.Alert) {
				r.fail("%s: alert names are CamelCase", where)
			}
			if rule.For == 0 {
				r.fail("%s: no `for`: a single bad scrape would page", where)
			}
			if !severities[rule.Labels["severity"]] {
				r.fail("%s: labels.severity must be one of critical, warning, info", where)
			}
			for _, key := range []string{"summary", "description", "runbook_url"} {
				if strings.TrimSpace(rule.Annotations[key]) == "" {
					r.fail("%s: annotation %s missing", where, key)
				}
			}
			if url := rule.Annotations["runbook_url"]; url != "" {
				i := strings.Index(url, "docs/operations.md#")
				if i < 0 {
					r.fail("%s: runbook_url %q does not point into docs/operations.md", where, url)
				} else if anchor := url[i+len("docs/operations.md#"):]; anchors != nil && !anchors[anchor] {
					r.fail("%s: runbook_url anchor #%s is not a heading of docs/operations.md", where, anchor)
				}
			}
			expr, err := promqlParser.ParseExpr(rule.Expr)
			if err != nil {
				continue // rulefmt reported it
			}
			for _, selector := range parser.ExtractSelectors(expr) {
				for _, matcher := range selector {
					if matcher.Name == model.MetricNameLabel && !knownMetric.MatchString(matcher.Value) {
						r.fail("%s: metric %s is none of the platform's", where, matcher.Value)
					}
				}
			}
		}
	}
	if alerts == 0 {
		r.fail("no alerting rule")
	}
	r.check("%d alerts parsed by Prometheus' rulefmt and PromQL parser, each with for, severity, summary, description and a runbook anchor in docs/operations.md", alerts)
	return r
}

// markdownAnchors: the anchors GitHub gives the headings of a Markdown file (lower case, punctuation dropped, spaces
// to hyphens), plus explicit <a id="..."> / <a name="..."> tags.
func markdownAnchors(path string) map[string]bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	anchors := map[string]bool{}
	inFence := false
	drop := regexp.MustCompile(`[^\p{L}\p{N} _-]`)
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		for _, m := range regexp.MustCompile(`<a (?:id|name)="([^"]+)"`).FindAllStringSubmatch(line, -1) {
			anchors[m[1]] = true
		}
		if !strings.HasPrefix(line, "#") {
			continue
		}
		title := strings.TrimSpace(strings.TrimLeft(line, "#"))
		title = strings.ReplaceAll(title, "`", "")
		slug := strings.ReplaceAll(drop.ReplaceAllString(strings.ToLower(title), ""), " ", "-")
		anchors[slug] = true
	}
	if len(anchors) == 0 {
		return nil
	}
	return anchors
}

// CheckPrometheusConfig: deploy/prometheus/prometheus.yml (compose's Prometheus) scrapes the router's metrics and
// every subgraph's management port, and loads the alerting rules.
func CheckPrometheusConfig(path string, subgraphs []string) Report {
	var r Report
	data, err := os.ReadFile(path)
	if err != nil {
		r.fail("%v", err)
		return r
	}
	var config struct {
		Global        map[string]any `json:"global"`
		RuleFiles     []string       `json:"rule_files"`
		Alerting      map[string]any `json:"alerting"`
		ScrapeConfigs []struct {
			JobName        string `json:"job_name"`
			MetricsPath    string `json:"metrics_path"`
			ScrapeInterval string `json:"scrape_interval"`
			StaticConfigs  []struct {
				Targets []string          `json:"targets"`
				Labels  map[string]string `json:"labels"`
			} `json:"static_configs"`
			RelabelConfigs []map[string]any `json:"relabel_configs"`
		} `json:"scrape_configs"`
	}
	if err := yaml.UnmarshalStrict(data, &config); err != nil {
		r.fail("%v", err)
		return r
	}
	targets := map[string]string{}
	for _, job := range config.ScrapeConfigs {
		for _, static := range job.StaticConfigs {
			for _, target := range static.Targets {
				targets[target] = job.MetricsPath
			}
		}
	}
	want := map[string]string{"router:9090": "/metrics"}
	for _, name := range subgraphs {
		want[name+":9090"] = "/actuator/prometheus"
	}
	for target, path := range want {
		got, ok := targets[target]
		if !ok {
			r.fail("no scrape target %s", target)
		} else if got != path {
			r.fail("target %s is scraped at %q, want %q", target, got, path)
		}
	}
	rules := false
	for _, file := range config.RuleFiles {
		rules = rules || filepath.Base(file) == "alerts.yml"
	}
	if !rules {
		r.fail("rule_files does not load alerts.yml")
	}
	r.check("scrapes router:9090/metrics and <subgraph>:9090/actuator/prometheus for %v, loads alerts.yml", subgraphs)
	return r
}

// CheckGrafana: the provisioning compose mounts (a Prometheus datasource and a dashboards provider) and dashboards
// that are JSON with a title and a uid.
func CheckGrafana(dir string) Report {
	var r Report
	var datasources struct {
		APIVersion  int `json:"apiVersion"`
		Datasources []struct {
			Name      string         `json:"name"`
			Type      string         `json:"type"`
			UID       string         `json:"uid"`
			Access    string         `json:"access"`
			URL       string         `json:"url"`
			IsDefault bool           `json:"isDefault"`
			Editable  bool           `json:"editable"`
			JSONData  map[string]any `json:"jsonData"`
		} `json:"datasources"`
	}
	if err := readStrict(filepath.Join(dir, "provisioning", "datasources", "prometheus.yml"), &datasources); err != nil {
		r.fail("%v", err)
	} else if len(datasources.Datasources) == 0 || datasources.Datasources[0].Type != "prometheus" {
		r.fail("provisioning/datasources/prometheus.yml: no prometheus datasource")
	}
	var providers struct {
		APIVersion int `json:"apiVersion"`
		Providers  []struct {
			Name                  string         `json:"name"`
			OrgID                 int            `json:"orgId"`
			Folder                string         `json:"folder"`
			Type                  string         `json:"type"`
			DisableDeletion       bool           `json:"disableDeletion"`
			AllowUIUpdates        bool           `json:"allowUiUpdates"`
			UpdateIntervalSeconds int            `json:"updateIntervalSeconds"`
			Options               map[string]any `json:"options"`
		} `json:"providers"`
	}
	if err := readStrict(filepath.Join(dir, "provisioning", "dashboards", "dashboards.yml"), &providers); err != nil {
		r.fail("%v", err)
	} else if len(providers.Providers) == 0 || providers.Providers[0].Type != "file" {
		r.fail("provisioning/dashboards/dashboards.yml: no file provider")
	}
	dashboards, _ := filepath.Glob(filepath.Join(dir, "dashboards", "*.json"))
	for _, file := range dashboards {
		var dashboard struct {
			Title  string `json:"title"`
			UID    string `json:"uid"`
			Panels []struct {
				Title   string `json:"title"`
				Targets []struct {
					Expr string `json:"expr"`
				} `json:"targets"`
			} `json:"panels"`
		}
		data, err := os.ReadFile(file)
		if err == nil {
			err = yaml.Unmarshal(data, &dashboard)
		}
		if err != nil || dashboard.Title == "" || dashboard.UID == "" {
			r.fail("%s: not a dashboard with a title and a uid (%v)", filepath.Base(file), err)
			continue
		}
		// every panel's query is PromQL on the platform's metrics
		for _, panel := range dashboard.Panels {
			for _, target := range panel.Targets {
				if target.Expr == "" {
					continue
				}
				expr, err := promqlParser.ParseExpr(target.Expr)
				if err != nil {
					r.fail("%s, panel %q: %v", filepath.Base(file), panel.Title, err)
					continue
				}
				for _, selector := range parser.ExtractSelectors(expr) {
					for _, matcher := range selector {
						if matcher.Name == model.MetricNameLabel && !knownMetric.MatchString(matcher.Value) {
							r.fail("%s, panel %q: metric %s is none of the platform's", filepath.Base(file), panel.Title, matcher.Value)
						}
					}
				}
			}
		}
	}
	r.check("datasource and dashboard provider provisioning, %d dashboard(s) whose queries parse as PromQL on known metrics", len(dashboards))
	return r
}

func readStrict(path string, into any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := yaml.UnmarshalStrict(data, into); err != nil {
		return fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return nil
}
