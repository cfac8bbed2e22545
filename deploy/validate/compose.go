package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// requiredComposeEnv: the secrets compose.yaml refuses to start without (":?"). The checks load the file once with
// stand-ins for all of them, and once without each, which must fail.
var requiredComposeEnv = []string{
	"IDENTITY_ADMIN_CLIENT_SECRET", "KEYCLOAK_DB_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD", "CERTIFICATE_SIGNING_KEY",
	"CYCUBE_WEB_URL", "MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD", "GRAFANA_ADMIN_PASSWORD",
	"SMTP_HOST", "CYCUBE_NOTIFICATION_MAIL_UNSUBSCRIBE_KEY", "CYCUBE_NOTIFICATION_WEBHOOKS_SECRET_KEY",
	"CYCUBE_AUDIT_CHECKPOINT_KEY", "AUDIT_READER_CLIENT_SECRET",
}

// composeSecretVariable: the host variable of compose.yaml that feeds a subgraph's required key (requiredSecretEnv)
// when its name differs from the key's own; every other key is fed by the variable of the same name.
var composeSecretVariable = map[string]string{
	"CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET":        "IDENTITY_ADMIN_CLIENT_SECRET",
	"CYCUBE_ASSESSMENT_CERTIFICATES_SIGNING_KEY": "CERTIFICATE_SIGNING_KEY",
	"CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET":        "AUDIT_READER_CLIENT_SECRET",
}

// loopbackPorts: the container ports a subgraph publishes on the host's loopback (for the host's reverse proxy),
// besides the router's 4000 which is public. notification: /unsubscribe/ of its 8080.
var loopbackPorts = map[string]uint32{"notification": 8080}

// LoadCompose loads compose.yaml as `docker compose config` does (compose-go, the library inside the docker compose
// plugin: the compose-spec JSON schema, interpolation, extension merging, references between services, networks
// and volumes), with env as the environment.
func LoadCompose(root string, env map[string]string) (*types.Project, error) {
	var list []string
	for key, value := range env {
		list = append(list, key+"="+value)
	}
	options, err := cli.NewProjectOptions([]string{filepath.Join(root, "compose.yaml")},
		cli.WithWorkingDirectory(root), cli.WithEnv(list), cli.WithInterpolation(true), cli.WithConsistency(true),
		cli.WithResolvedPaths(true))
	if err != nil {
		return nil, err
	}
	return options.LoadProject(context.Background())
}

func standInEnv() map[string]string {
	env := map[string]string{}
	for _, name := range requiredComposeEnv {
		env[name] = "stand-in-" + strings.ToLower(name)
	}
	env["CYCUBE_WEB_URL"] = "https://app.example.com"
	return env
}

var monitoringServices = []string{"otel-collector", "prometheus", "grafana"}

// CheckCompose: compose.yaml loads; MongoDB runs with authentication (root user and keyFile), its init script grants
// every subgraph's database, and every subgraph connects with credentials from the environment; the router reaches
// every subgraph and waits for it; the collector, Prometheus and Grafana are wired to the stack and published on the
// host's loopback only; every subgraph's required keys (requiredSecretEnv) come from required variables and
// notification's /unsubscribe/ port is on the loopback; no service turns on a local-development switch.
func CheckCompose(root string, subgraphs []string) Report {
	var r Report
	project, err := LoadCompose(root, standInEnv())
	if err != nil {
		r.fail("does not load: %v", err)
		return r
	}
	r.check("loads with compose-go (compose-spec schema, interpolation, consistency), as `docker compose config` would")
	checkComposeTrustedProxies(&r, project)
	for _, name := range requiredComposeEnv {
		env := standInEnv()
		delete(env, name)
		if _, err := LoadCompose(root, env); err == nil || !strings.Contains(err.Error(), name) {
			r.fail("loads without %s: it must be required (${%s:?...})", name, name)
		}
	}
	r.check("refuses to load without any of %v", requiredComposeEnv)

	service := func(name string) *types.ServiceConfig {
		s, err := project.GetService(name)
		if err != nil {
			r.fail("no service %s", name)
			return nil
		}
		return &s
	}
	if mongo := service("mongo"); mongo != nil {
		command := strings.Join(mongo.Command, " ")
		if !strings.Contains(command, "--keyFile") {
			r.fail("mongo: the replica set runs without --keyFile (internal authentication)")
		}
		if v := mongo.Environment["MONGO_INITDB_ROOT_PASSWORD"]; v == nil || *v == "" {
			r.fail("mongo: no MONGO_INITDB_ROOT_PASSWORD: authentication is off")
		}
		if len(mongo.Ports) > 0 {
			r.fail("mongo: published on the host")
		}
	}
	credentials := regexp.MustCompile(`^mongodb://[^:/@]+:[^@]+@mongo:27017/cycube-[a-z-]+\?.*authSource=admin`)
	for _, name := range subgraphs {
		s := service(name)
		if s == nil {
			continue
		}
		uri := s.Environment["SPRING_MONGODB_URI"]
		if uri == nil || !credentials.MatchString(*uri) || !strings.Contains(*uri, "/cycube-"+name+"?") {
			r.fail("%s: SPRING_MONGODB_URI must name its database cycube-%s with credentials from the environment", name, name)
		}
		if port := s.Environment["MANAGEMENT_SERVER_PORT"]; port == nil || *port != "9090" {
			r.fail("%s: MANAGEMENT_SERVER_PORT must be 9090 (what Prometheus scrapes)", name)
		}
		if e := s.Environment["MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT"]; e == nil || !strings.Contains(*e, "otel-collector:4318") {
			r.fail("%s: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT does not point at the otel-collector service", name)
		}
		if s.HealthCheck == nil || !strings.Contains(strings.Join(s.HealthCheck.Test, " "), "9090") {
			r.fail("%s: the healthcheck must ask the management port 9090", name)
		}
		loopback := false
		for _, p := range s.Ports {
			if want, ok := loopbackPorts[name]; ok && p.Target == want && p.HostIP == "127.0.0.1" {
				loopback = true
				continue
			}
			r.fail("%s: published on the host (port %d); only the router is, and notification's 8080 on 127.0.0.1", name, p.Target)
		}
		if _, ok := loopbackPorts[name]; ok && !loopback {
			r.fail("%s: port %d is not published on the host's loopback (127.0.0.1), where the reverse proxy reaches /unsubscribe/", name, loopbackPorts[name])
		}
	}
	r.check("mongo with root user and keyFile; subgraphs %v with credentials, management port 9090, unpublished but notification's 8080 on the loopback", subgraphs)

	// Every key a subgraph refuses to start without (requiredSecretEnv) is one of the required host variables.
	standIn := standInEnv()
	raw := rawComposeEnvironment(&r, root)
	var keys []string
	for _, name := range subgraphs {
		s := service(name)
		if s == nil {
			continue
		}
		for _, key := range requiredSecretEnv[name] {
			variable := key
			if other, ok := composeSecretVariable[key]; ok {
				variable = other
			}
			if _, required := standIn[variable]; !required {
				r.fail("%s: %s must come from a required variable (${%s:?...}), and %s is not in the validator's list of them", name, key, variable, variable)
			} else if v := s.Environment[key]; v == nil || *v != standIn[variable] || !requiredReference(raw[name][key], variable) {
				r.fail("%s: %s must be the required variable ${%s:?...} from the environment", name, key, variable)
			}
			keys = append(keys, name+" "+key)
		}
	}
	if notification := service("notification"); notification != nil {
		if v := notification.Environment["SMTP_HOST"]; v == nil || *v != standIn["SMTP_HOST"] {
			r.fail("notification: SMTP_HOST must be the required variable ${SMTP_HOST:?...}")
		}
	}
	r.check("subgraphs' keys from required variables (%s); notification's SMTP_HOST too", strings.Join(keys, ", "))
	checkComposeKeycloak(&r, root, project, subgraphs)
	checkComposeWeb(&r, root, project)

	// The router reaches every subgraph by its service name and starts once they are healthy.
	if router := service("router"); router != nil {
		for _, name := range subgraphs {
			variable := strings.ToUpper(strings.ReplaceAll(name, "-", "_")) + "_URL"
			want := "http://" + name + ":8080/graphql"
			if v := router.Environment[variable]; v == nil || *v != want {
				r.fail("router: %s must be %s", variable, want)
			}
			if dependency, ok := router.DependsOn[name]; !ok || dependency.Condition != types.ServiceConditionHealthy {
				r.fail("router: depends_on must wait for %s (condition: service_healthy)", name)
			}
		}
	}
	r.check("router: <NAME>_URL and depends_on (service_healthy) for %v", subgraphs)

	// MongoDB's init script gives the subgraphs' user readWrite on every subgraph's database and the event log.
	checkMongoUser(&r, filepath.Join(root, "deploy", "mongo", "create-app-user.js"), subgraphs)
	for _, s := range project.Services {
		names := make([]string, 0, len(s.Environment))
		for name := range s.Environment {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			value := ""
			if v := s.Environment[name]; v != nil {
				value = *v
			}
			if on := localDevelopmentSwitch(name, value, false); on != "" {
				r.fail("%s: %s turns on %s, a local-development switch", s.Name, name, on)
			}
		}
		for _, arg := range append(append([]string{}, s.Entrypoint...), s.Command...) {
			if on := localDevelopmentSwitch("command", arg, false); on != "" {
				r.fail("%s: its command turns on %s, a local-development switch", s.Name, on)
			}
		}
	}
	r.check("no service turns on %v", localDevelopmentSwitches)

	for _, name := range monitoringServices {
		s := service(name)
		if s == nil {
			continue
		}
		for _, p := range s.Ports {
			if p.HostIP != "127.0.0.1" {
				r.fail("%s: port %d is published on %q, not only on the host's loopback 127.0.0.1", name, p.Target, p.HostIP)
			}
		}
	}
	if prometheus := service("prometheus"); prometheus != nil {
		mounted := map[string]bool{}
		for _, v := range prometheus.Volumes {
			rel, _ := filepath.Rel(root, v.Source)
			mounted[filepath.ToSlash(rel)] = true
		}
		if !mounted["deploy/prometheus"] && !mounted["deploy/prometheus/prometheus.yml"] {
			r.fail("prometheus: does not mount deploy/prometheus")
		}
	}
	if grafana := service("grafana"); grafana != nil {
		mounted := map[string]bool{}
		for _, v := range grafana.Volumes {
			rel, _ := filepath.Rel(root, v.Source)
			mounted[filepath.ToSlash(rel)] = true
		}
		for _, want := range []string{"deploy/grafana/provisioning", "deploy/grafana/dashboards"} {
			if !mounted[want] {
				r.fail("grafana: does not mount %s", want)
			}
		}
		if v := grafana.Environment["GF_SECURITY_ADMIN_PASSWORD"]; v == nil || *v == "" {
			r.fail("grafana: no admin password from the environment")
		}
	}
	if router := service("router"); router != nil {
		endpoint := router.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"]
		if endpoint == nil || !strings.Contains(*endpoint, "otel-collector:4318") {
			r.fail("router: OTEL_EXPORTER_OTLP_ENDPOINT does not point at the otel-collector service")
		}
	}
	var published []string
	for _, s := range project.Services {
		for _, p := range s.Ports {
			if p.HostIP != "127.0.0.1" && s.Name != "router" {
				published = append(published, fmt.Sprintf("%s:%d", s.Name, p.Target))
			}
		}
	}
	sort.Strings(published)
	if len(published) > 0 {
		r.fail("published beyond the host's loopback: %v (only the router's 4000 may be)", published)
	}
	r.check("otel-collector, prometheus and grafana wired (deploy/prometheus, deploy/grafana) and on loopback only")
	if _, err := os.Stat(filepath.Join(root, "deploy", "otel", "collector.yaml")); err != nil {
		r.fail("deploy/otel/collector.yaml: %v", err)
	}
	return r
}

// checkMongoUser: deploy/mongo/create-app-user.js lists every subgraph's database (cycube-<name>) and the shared event
// log cycube-events, the databases the user the subgraphs connect as gets readWrite on. A subgraph missing there
// cannot write its own database in compose (its first write fails with "not authorized").
func checkMongoUser(r *Report, path string, subgraphs []string) {
	data, err := os.ReadFile(path)
	if err != nil {
		r.fail("deploy/mongo/create-app-user.js: %v", err)
		return
	}
	list := regexp.MustCompile(`const databases = \[([^\]]*)\]\s*\.map\(\(name\) => 'cycube-' \+ name\)`).FindSubmatch(data)
	if list == nil {
		r.fail("deploy/mongo/create-app-user.js: no list `const databases = [...].map((name) => 'cycube-' + name)` to check")
		return
	}
	granted := map[string]bool{}
	for _, m := range regexp.MustCompile(`'([a-z0-9-]+)'`).FindAllSubmatch(list[1], -1) {
		granted[string(m[1])] = true
	}
	for _, name := range append(append([]string{}, subgraphs...), "events") {
		if !granted[name] {
			r.fail("deploy/mongo/create-app-user.js: no readWrite on cycube-%s for the subgraphs' user", name)
		}
	}
	if !strings.Contains(string(data), "role: 'readWrite'") {
		r.fail("deploy/mongo/create-app-user.js: the role granted is not readWrite")
	}
	r.check("deploy/mongo/create-app-user.js: readWrite on cycube-<subgraph> for %v and on cycube-events", subgraphs)
}
