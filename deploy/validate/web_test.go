package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The web console: its image (web/Dockerfile, web/nginx/), its compose service and its chart objects.

const (
	webDeployment    = "kind: Deployment\nmetadata:\n  name: cycube-web"
	webNetworkPolicy = "kind: NetworkPolicy\nmetadata:\n  name: cycube-web"
)

// The chart

func TestTheProductionIngressServesTheConsoleAtTheRootOfTheApiHost(t *testing.T) {
	objects := renderProduction(t)
	for _, finding := range CheckManifests(objects, productionExpectations()).Findings {
		t.Error(finding)
	}
	var ingress, router string
	for _, o := range objects {
		if strings.Contains(o.YAML, "kind: Ingress\n") {
			ingress = o.YAML
		}
		if strings.Contains(o.YAML, "kind: Deployment\nmetadata:\n  name: cycube-router") {
			router = o.YAML
		}
	}
	want := "          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: cycube-web\n"
	if !strings.Contains(ingress, want) || !strings.Contains(ingress, `host: "app.cycube.example"`) {
		t.Errorf("the Ingress does not route / of app.cycube.example to the console:\n%s", ingress)
	}
	if strings.Contains(router, "WEB_URL") {
		t.Error("the router got a <NAME>_URL for the console, which is no subgraph")
	}
}

func TestAnIngressWithoutTheConsoleIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: Ingress\n", func(y string) string {
		return y[:strings.Index(y, "          # everything else: the web console")]
	}, "does not route / to the web console")
}

func TestTheRootToTheRouterIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: Ingress\n", func(y string) string {
		return strings.Replace(y, "name: cycube-web", "name: cycube-router", 1)
	}, `/ goes to "router", not the web console`)
}

func TestAConsoleOpenToEveryoneIsAFinding(t *testing.T) {
	mutateProduction(t, webNetworkPolicy, func(y string) string {
		return y[:strings.Index(y, "      from:\n")]
	}, "(web): port 8080 is open to everyone")
}

func TestAConsoleOpenToAnotherNamespaceIsAFinding(t *testing.T) {
	mutateProduction(t, webNetworkPolicy, func(y string) string {
		return strings.Replace(y, "kubernetes.io/metadata.name: ingress-nginx", "kubernetes.io/metadata.name: default", 1)
	}, "(web): port 8080 admits a peer that is not one of router.allowedFrom")
}

func TestAConsoleAdmittingAnotherPortIsAFinding(t *testing.T) {
	mutate(t, webNetworkPolicy, func(y string) string {
		return strings.Replace(y, "          port: 8080", "          port: 8080\n        - protocol: TCP\n          port: 9090", 1)
	}, "(web): admits a port other than 8080")
}

func TestAWritableConsoleIsAFinding(t *testing.T) {
	mutate(t, webDeployment, func(y string) string {
		return strings.Replace(y, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", 1)
	}, "container web: readOnlyRootFilesystem must be true")
}

func TestAConsoleWithoutItsTmpIsAFinding(t *testing.T) {
	mutate(t, webDeployment, func(y string) string {
		return strings.Replace(y, "mountPath: /tmp", "mountPath: /var/tmp", 1)
	}, "container web: no emptyDir at /tmp")
}

func TestAConsoleToldAnotherIssuerIsAFinding(t *testing.T) {
	mutate(t, webDeployment, func(y string) string {
		return strings.Replace(y, `value: "https://auth.cycube.example/realms/cycube"`, `value: "https://auth.cycube.example/realms/master"`, 1)
	}, "CYCUBE_OIDC_AUTHORITY is \"https://auth.cycube.example/realms/master\", not the issuer")
}

func TestAConsoleWithAConfidentialClientIsAFinding(t *testing.T) {
	mutate(t, webDeployment, func(y string) string {
		return strings.Replace(y, `value: "cycube-web"`, `value: "cycube-identity-admin"`, 1)
	}, "not a public client requiring PKCE S256")
}

func TestAConsoleWithoutItsWebSocketIsAFinding(t *testing.T) {
	mutate(t, webDeployment, func(y string) string {
		return strings.Replace(y, `value: "wss://app.cycube.example/graphql"`, `value: ""`, 1)
	}, "CYCUBE_GRAPHQL_WS_URL is not set")
}

func TestAConsoleCallingAnotherHostBehindTheIngressIsAFinding(t *testing.T) {
	mutateProduction(t, webDeployment, func(y string) string {
		y = strings.Replace(y, `value: "https://app.cycube.example/graphql"`, `value: "https://api.cycube.example/graphql"`, 1)
		return strings.Replace(y, `value: "wss://app.cycube.example/graphql"`, `value: "wss://api.cycube.example/graphql"`, 1)
	}, "so it must be https://app.cycube.example/graphql")
}

func TestARealmImportForAnotherOriginIsAFinding(t *testing.T) {
	mutateProduction(t, realmImportJob, func(y string) string {
		return strings.Replace(y, `value: "https://app.cycube.example"`, `value: "https://console.cycube.example"`, 1)
	}, "Keycloak would refuse to send cycube-web back there")
}

func TestConsoleLinksToAnotherOriginAreAFinding(t *testing.T) {
	mutateProduction(t, notificationDeployment, func(y string) string {
		return strings.Replace(y, "- name: CYCUBE_CONSOLE_URL\n              value: \"https://app.cycube.example\"", "- name: CYCUBE_CONSOLE_URL\n              value: \"https://console.cycube.example\"", 1)
	}, "CYCUBE_CONSOLE_URL must be the console's origin https://app.cycube.example")
}

func TestTheChartRefusesTheConsoleBehindAnIngressWithoutAllowedFrom(t *testing.T) {
	root := repositoryRoot(t)
	_, err := RenderChart(filepath.Join(root, "deploy", "helm", "cycube"),
		[]string{filepath.Join(root, "deploy", "helm", "production-values.example.yaml")},
		map[string]any{"router": map[string]any{"supergraph": "type Query { a: Int }", "allowedFrom": []any{}},
			"subgraphs": map[string]any{"notification": map[string]any{"enabled": false}}})
	if err == nil || !strings.Contains(err.Error(), "the only peer admitted to the web console's port 8080") {
		t.Errorf("want the chart to fail on an empty router.allowedFrom, got %v", err)
	}
}

func TestTheConsoleCanBeLeftOut(t *testing.T) {
	root := repositoryRoot(t)
	objects, err := RenderChart(filepath.Join(root, "deploy", "helm", "cycube"),
		[]string{filepath.Join(root, "deploy", "helm", "production-values.example.yaml")},
		map[string]any{"router": map[string]any{"supergraph": "type Query { a: Int }"}, "web": map[string]any{"enabled": false}})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range objects {
		if strings.Contains(o.YAML, "app.kubernetes.io/component: web\n") || strings.Contains(o.YAML, "name: cycube-web\n") || strings.Contains(o.YAML, "path: /\n") {
			t.Errorf("web.enabled=false still renders the console:\n%s", o.YAML)
		}
	}
	without := productionExpectations()
	without.Web = false
	for _, finding := range CheckManifests(objects, without).Findings {
		t.Error(finding)
	}
	if report := CheckManifests(objects, productionExpectations()); !containsFinding(report, "no Deployment for the web console") {
		t.Errorf("a missing console is no finding: %q", report.Findings)
	}
}

// compose.yaml

// composeWith writes compose.yaml edited (and the realm it is checked against) into a folder of its own and checks
// its web service.
func composeWith(t *testing.T, edit func(string) string, env map[string]string) Report {
	t.Helper()
	root := repositoryRoot(t)
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join(root, "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	edited := edit(string(data))
	if edited == string(data) {
		t.Fatal("the edit changed nothing in compose.yaml")
	}
	realm, err := os.ReadFile(filepath.Join(root, "keycloak", "cycube-realm.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "keycloak"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"compose.yaml": edited, "keycloak/cycube-realm.json": string(realm)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	project, err := LoadCompose(dir, env)
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	checkComposeWeb(&r, dir, project)
	return r
}

func TestComposeServesTheConsoleOnTheLoopbackOnlyByDefault(t *testing.T) {
	project, err := LoadCompose(repositoryRoot(t), standInEnv())
	if err != nil {
		t.Fatal(err)
	}
	web, err := project.GetService("web")
	if err != nil {
		t.Fatal(err)
	}
	if len(web.Ports) != 1 || web.Ports[0].HostIP != "127.0.0.1" || web.Ports[0].Published != "5173" || web.Ports[0].Target != 8080 {
		t.Errorf("web's ports: %+v, want only 127.0.0.1:5173:8080", web.Ports)
	}
	router, _ := project.GetService("router")
	if v := router.Environment["CORS_ORIGINS"]; v == nil || *v != "https://app.example.com" {
		t.Errorf("router: CORS_ORIGINS is %v, want CYCUBE_WEB_URL", v)
	}
	everywhere := standInEnv()
	everywhere["WEB_PUBLISH_ADDRESS"] = "0.0.0.0"
	if report := composeWith(t, func(s string) string { return s + "\n" }, everywhere); !containsFinding(report, "web: ports") {
		t.Errorf("publishing on every interface is no finding: %q", report.Findings)
	}
}

func TestComposeCorsForAnyOriginIsAFinding(t *testing.T) {
	report := composeWith(t, func(s string) string {
		return strings.Replace(s, "CORS_ORIGINS: ${CYCUBE_WEB_URL:?set CYCUBE_WEB_URL to the web app's origin}", "CORS_ORIGINS: ${CORS_ORIGINS:-https://app.example.com}", 1)
	}, standInEnv())
	if !containsFinding(report, "router: CORS_ORIGINS must be the console's origin") {
		t.Errorf("findings: %q", report.Findings)
	}
}

func TestComposeConsoleOnAWritableRootIsAFinding(t *testing.T) {
	report := composeWith(t, func(s string) string {
		return strings.Replace(s, "    read_only: true\n    tmpfs:\n      - /tmp\n    cap_drop:\n      - ALL\n", "", 1)
	}, standInEnv())
	for _, want := range []string{"web: read_only is not true", "web: no tmpfs at /tmp", "web: cap_drop does not drop ALL"} {
		if !containsFinding(report, want) {
			t.Errorf("no finding %q: %q", want, report.Findings)
		}
	}
}

func TestComposeConsoleToldAnInternalIssuerIsAFinding(t *testing.T) {
	report := composeWith(t, func(s string) string {
		return strings.Replace(s, "CYCUBE_OIDC_AUTHORITY: ${KEYCLOAK_HOSTNAME:-http://localhost:8180}/realms/cycube", "CYCUBE_OIDC_AUTHORITY: http://keycloak:8080/realms/cycube", 1)
	}, standInEnv())
	if !containsFinding(report, "not the issuer the router and the subgraphs accept") {
		t.Errorf("findings: %q", report.Findings)
	}
}

// The image

// webImageWith copies what CheckWebImage reads of web/ into a folder of its own, edits one file and checks it.
func webImageWith(t *testing.T, file string, edit func(string) string) Report {
	t.Helper()
	web := filepath.Join(repositoryRoot(t), "web")
	dir := t.TempDir()
	files := []string{"Dockerfile", "Dockerfile.dockerignore", "src/config.ts", "nginx/nginx.conf", "nginx/05-cycube-config.envsh",
		"nginx/templates/conf.d/cycube.conf.template", "nginx/templates/conf.d/security-headers.inc.template",
		"nginx/templates/html/config.json.template"}
	edited := false
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join(web, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == file {
			changed := edit(string(data))
			edited = changed != string(data)
			data = []byte(changed)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if file != "" && !edited {
		t.Fatalf("the edit changed nothing in web/%s", file)
	}
	return CheckWebImage(dir)
}

func expectWebImageFinding(t *testing.T, file string, edit func(string) string, want string) {
	t.Helper()
	if report := webImageWith(t, file, edit); !containsFinding(report, want) {
		t.Errorf("no finding %q: %q", want, report.Findings)
	}
}

const headersTemplate = "nginx/templates/conf.d/security-headers.inc.template"
const serverTemplate = "nginx/templates/conf.d/cycube.conf.template"

func TestTheWebImagePassesItsChecks(t *testing.T) {
	for _, finding := range webImageWith(t, "", nil).Findings {
		t.Error(finding)
	}
}

func TestInlineScriptsInTheCspAreAFinding(t *testing.T) {
	expectWebImageFinding(t, headersTemplate, func(s string) string {
		return strings.Replace(s, "script-src 'self';", "script-src 'self' 'unsafe-inline';", 1)
	}, "script-src allows 'unsafe-inline'")
}

func TestACspWithoutFrameAncestorsIsAFinding(t *testing.T) {
	expectWebImageFinding(t, headersTemplate, func(s string) string {
		return strings.Replace(s, " frame-ancestors 'none';", "", 1)
	}, "has no frame-ancestors")
}

func TestConnectionsAnywhereAreAFinding(t *testing.T) {
	expectWebImageFinding(t, headersTemplate, func(s string) string {
		return strings.Replace(s, "connect-src ${CYCUBE_CSP_CONNECT_SRC};", "connect-src *;", 1)
	}, "connect-src allows *")
}

func TestAHeaderOnlyOnSuccessIsAFinding(t *testing.T) {
	expectWebImageFinding(t, headersTemplate, func(s string) string {
		return strings.Replace(s, `add_header X-Content-Type-Options "nosniff" always;`, `add_header X-Content-Type-Options "nosniff";`, 1)
	}, "X-Content-Type-Options is not sent `always`")
}

func TestALocationWithoutTheSecurityHeadersIsAFinding(t *testing.T) {
	expectWebImageFinding(t, serverTemplate, func(s string) string {
		i := strings.Index(s, "location /assets/")
		return s[:i] + strings.Replace(s[i:], "        include /tmp/nginx/conf.d/security-headers.inc;\n", "", 1)
	}, "location /assets/ serves files without the security headers")
}

func TestACachedIndexIsAFinding(t *testing.T) {
	expectWebImageFinding(t, serverTemplate, func(s string) string {
		i := strings.Index(s, "location = /index.html")
		return s[:i] + strings.Replace(s[i:], `add_header Cache-Control "no-cache" always;`, `add_header Cache-Control "max-age=3600" always;`, 1)
	}, "location = /index.html is cached without revalidation")
}

func TestMissingAssetsCachedForAYearAreAFinding(t *testing.T) {
	expectWebImageFinding(t, serverTemplate, func(s string) string {
		return strings.Replace(s, `"public, max-age=31536000, immutable";`, `"public, max-age=31536000, immutable" always;`, 1)
	}, "a 404 during a rollout would be cached for a year")
}

func TestNoSpaFallbackIsAFinding(t *testing.T) {
	expectWebImageFinding(t, serverTemplate, func(s string) string {
		return strings.Replace(s, "try_files $uri /index.html;", "try_files $uri =404;", 1)
	}, "location / does not fall back to /index.html")
}

func TestASettingNotCheckedAtStartIsAFinding(t *testing.T) {
	expectWebImageFinding(t, "nginx/05-cycube-config.envsh", func(s string) string {
		return regexp.MustCompile(`(?m)^cycube_require CYCUBE_OIDC_AUTHORITY .*\n`).ReplaceAllString(s, "")
	}, "does not check CYCUBE_OIDC_AUTHORITY")
}

func TestAConfigKeyTheAppDoesNotReadIsAFinding(t *testing.T) {
	expectWebImageFinding(t, "nginx/templates/html/config.json.template", func(s string) string {
		return strings.Replace(s, `"graphqlUrl"`, `"graphqlURL"`, 1)
	}, `lacks "graphqlUrl", which web/src/config.ts requires`)
}

func TestAStartScriptThatIsNotExecutableIsAFinding(t *testing.T) {
	expectWebImageFinding(t, "Dockerfile", func(s string) string {
		return strings.Replace(s, "COPY --chmod=0755 web/nginx/05-cycube-config.envsh", "COPY web/nginx/05-cycube-config.envsh", 1)
	}, "the entrypoint would skip the checks")
}

func TestAnUnpinnedOrRootImageIsAFinding(t *testing.T) {
	expectWebImageFinding(t, "Dockerfile", func(s string) string {
		return regexp.MustCompile(`ARG NGINX_IMAGE=\S+`).ReplaceAllString(s, "ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:latest")
	}, "not nginxinc/nginx-unprivileged with a pinned version")
	expectWebImageFinding(t, "Dockerfile", func(s string) string { return s + "USER root\n" }, "the image switches to root")
}

func TestAFileOutsideTheBuildContextIsAFinding(t *testing.T) {
	expectWebImageFinding(t, "Dockerfile.dockerignore", func(s string) string {
		return strings.Replace(s, "!web/nginx/\n", "", 1)
	}, "web/nginx/nginx.conf, which web/Dockerfile copies, is not in the build context")
}

func TestNginxSyntaxErrorsAreFindings(t *testing.T) {
	for _, text := range []string{"http {\n  server {\n}\n", "gzip on\n", "}\n", `add_header X "unterminated;`} {
		if _, err := ParseNginx(text); err == nil {
			t.Errorf("%q parses", text)
		}
	}
	parsed, err := ParseNginx("# comment\nhttp { log_format a '{\"x\":\"$uri\"}'; server { listen 8080; location = /a { return 200 \"ok\\n\"; } } }\n")
	if err != nil {
		t.Fatal(err)
	}
	server := Find(Find(parsed, "http")[0].Block, "server")[0].Block
	if Arg(server, "listen") != "8080" || strings.Join(Find(server, "location")[0].Args, " ") != "= /a" ||
		Find(Find(parsed, "http")[0].Block, "log_format")[0].Args[1] != `{"x":"$uri"}` {
		t.Errorf("parsed wrongly: %+v", server)
	}
}

// The start-up script itself, run by the system's sh and awk (the image runs it with busybox's): it refuses to start
// without a setting or with a malformed one, and derives the CSP's connect-src from the URLs.
func TestTheImageRefusesToStartWithoutItsSettings(t *testing.T) {
	script := filepath.Join(repositoryRoot(t), "web", "nginx", "05-cycube-config.envsh")
	good := map[string]string{
		"CYCUBE_GRAPHQL_URL":    "https://app.example.com/graphql",
		"CYCUBE_GRAPHQL_WS_URL": "wss://app.example.com/graphql",
		"CYCUBE_OIDC_AUTHORITY": "https://auth.example.com:8443/realms/cycube",
		"CYCUBE_OIDC_CLIENT_ID": "cycube-web",
	}
	run := func(change map[string]string) (string, error) {
		env := []string{"PATH=" + os.Getenv("PATH"), "NGINX_ENVSUBST_OUTPUT_DIR=" + filepath.Join(t.TempDir(), "nginx")}
		for name, value := range good {
			if v, ok := change[name]; ok {
				value = v
			}
			if value != "-" {
				env = append(env, name+"="+value)
			}
		}
		cmd := exec.Command("sh", "-c", `. "$0" && echo "$CYCUBE_CSP_CONNECT_SRC"`, script)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run(nil)
	if err != nil || strings.TrimSpace(out) != "'self' https://app.example.com wss://app.example.com https://auth.example.com:8443" {
		t.Errorf("good settings: %v, %q", err, out)
	}
	for name, value := range map[string]string{
		"CYCUBE_GRAPHQL_URL":    "-",
		"CYCUBE_GRAPHQL_WS_URL": "https://app.example.com/graphql",
		"CYCUBE_OIDC_AUTHORITY": `https://auth.example.com/realms/cycube" ; add_header x y; "`,
		"CYCUBE_OIDC_CLIENT_ID": "",
	} {
		out, err := run(map[string]string{name: value})
		if err == nil || !strings.Contains(out, name) || !strings.Contains(out, "not starting") {
			t.Errorf("%s=%q: started (%v): %q", name, value, err, out)
		}
	}
}
