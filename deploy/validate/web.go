package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"k8s.io/apimachinery/pkg/api/equality"
)

// The web console (web/): its image (web/Dockerfile and web/nginx/), its compose service and its chart objects.

// webSettings: the variables the console's image turns into /config.json at start (web/nginx/05-cycube-config.envsh).
var webSettings = []string{"CYCUBE_GRAPHQL_URL", "CYCUBE_GRAPHQL_WS_URL", "CYCUBE_OIDC_AUTHORITY", "CYCUBE_OIDC_CLIENT_ID"}

// webRenderDir: where the image's entrypoint renders web/nginx/templates (NGINX_ENVSUBST_OUTPUT_DIR), a tmpfs or an
// emptyDir at /tmp; webHeaders: the security headers there, which every location serving files must include (nginx
// drops the server's add_header in a location that has its own).
const (
	webRenderDir = "/tmp/nginx"
	webHeaders   = webRenderDir + "/conf.d/security-headers.inc"
)

// CheckWebImage checks the console's image as built from dir (web/): nginx writes only under /tmp, serves the app with
// its security headers (a Content-Security-Policy without inline or eval'd code that confines connections to the
// configured router and Keycloak, no framing, nosniff, Referrer-Policy, Permissions-Policy) on every location, caches
// /assets/ for good and index.html and config.json never without revalidation, falls back to index.html for the app's
// routes; /config.json has exactly the keys web/src/config.ts requires, each from a variable the start-up script
// refuses to start without; the image is the pinned unprivileged nginx, runs that script and builds from a context that
// holds what it copies.
func CheckWebImage(dir string) Report {
	var r Report
	read := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			r.fail("web/%s: %v", rel, err)
		}
		return string(data)
	}
	parse := func(rel string) []*Directive {
		directives, err := ParseNginx(read(rel))
		if err != nil {
			r.fail("web/%s: %v", rel, err)
		}
		return directives
	}

	main := parse("nginx/nginx.conf")
	if pid := Arg(main, "pid"); !strings.HasPrefix(pid, "/tmp/") {
		r.fail("web/nginx/nginx.conf: pid %q is not under /tmp (the root file system is read-only)", pid)
	}
	http := Find(main, "http")
	if len(http) != 1 {
		r.fail("web/nginx/nginx.conf: want one http block, found %d", len(http))
	} else {
		block := http[0].Block
		for _, temp := range []string{"client_body_temp_path", "proxy_temp_path", "fastcgi_temp_path", "uwsgi_temp_path", "scgi_temp_path"} {
			if path := Arg(block, temp); !strings.HasPrefix(path, "/tmp/") {
				r.fail("web/nginx/nginx.conf: %s %q is not under /tmp (the root file system is read-only)", temp, path)
			}
		}
		if !hasDirective(block, "include", webRenderDir+"/conf.d/cycube.conf") {
			r.fail("web/nginx/nginx.conf: does not include the server rendered at start, %s/conf.d/cycube.conf", webRenderDir)
		}
		if Arg(block, "gzip") != "on" {
			r.fail("web/nginx/nginx.conf: gzip is not on")
		}
		if Arg(block, "server_tokens") != "off" {
			r.fail("web/nginx/nginx.conf: server_tokens is not off")
		}
	}
	r.check("web/nginx/nginx.conf: pid and temporary files under /tmp, gzip, no version in headers, the rendered server")

	checkWebServer(&r, parse("nginx/templates/conf.d/cycube.conf.template"))
	checkWebHeaders(&r, parse("nginx/templates/conf.d/security-headers.inc.template"))

	// /config.json: the keys the app requires, each one variable; every variable the templates use is checked at start.
	configTemplate := read("nginx/templates/html/config.json.template")
	placeholder := regexp.MustCompile(`\$\{([A-Z0-9_]+)\}`)
	var config map[string]string
	if err := json.Unmarshal([]byte(configTemplate), &config); err != nil {
		r.fail("web/nginx/templates/html/config.json.template: not a JSON object of strings: %v", err)
	}
	required := regexp.MustCompile(`const REQUIRED[^=]*=\s*\[([^\]]*)\]`).FindStringSubmatch(read("src/config.ts"))
	if required == nil {
		r.fail("web/src/config.ts: no `const REQUIRED ... = [...]` to compare /config.json with")
	} else {
		want := map[string]bool{}
		for _, m := range regexp.MustCompile(`'([A-Za-z]+)'`).FindAllStringSubmatch(required[1], -1) {
			want[m[1]] = true
			if _, ok := config[m[1]]; !ok && config != nil {
				r.fail("web/nginx/templates/html/config.json.template: lacks %q, which web/src/config.ts requires", m[1])
			}
		}
		for key, value := range config {
			if !want[key] {
				r.fail("web/nginx/templates/html/config.json.template: %q is not a setting of web/src/config.ts", key)
			}
			if !regexp.MustCompile(`^\$\{CYCUBE_[A-Z0-9_]+\}$`).MatchString(value) {
				r.fail("web/nginx/templates/html/config.json.template: %q is %q, not one ${CYCUBE_...} variable", key, value)
			}
		}
	}
	script := read("nginx/05-cycube-config.envsh")
	checked := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^\s*cycube_require\s+([A-Z0-9_]+)\s`).FindAllStringSubmatch(script, -1) {
		checked[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`(?m)^\s*export\s+([A-Z0-9_]+)`).FindAllStringSubmatch(script, -1) {
		checked[m[1]] = true
	}
	for _, name := range webSettings {
		if !checked[name] {
			r.fail("web/nginx/05-cycube-config.envsh: does not check %s (cycube_require): the container would start without it", name)
		}
	}
	templates := configTemplate + read("nginx/templates/conf.d/cycube.conf.template") + read("nginx/templates/conf.d/security-headers.inc.template")
	for _, m := range placeholder.FindAllStringSubmatch(templates, -1) {
		if !checked[m[1]] {
			r.fail("web/nginx/templates: ${%s} is neither checked (cycube_require) nor exported by 05-cycube-config.envsh: it could render empty", m[1])
		}
	}
	r.check("web /config.json: the keys of web/src/config.ts, from %v, each checked at start (the container refuses to start without it)", webSettings)

	checkWebDockerfile(&r, read("Dockerfile"), read("Dockerfile.dockerignore"))
	return r
}

// checkWebServer: one server on 8080; every location serving files includes the security headers; the caching rules;
// the SPA fallback; /config.json from the rendered directory.
func checkWebServer(r *Report, directives []*Directive) {
	const where = "web/nginx/templates/conf.d/cycube.conf.template"
	servers := Find(directives, "server")
	if len(servers) != 1 {
		r.fail("%s: want one server, found %d", where, len(servers))
		return
	}
	server := servers[0].Block
	if Arg(server, "listen") != "8080" {
		r.fail("%s: the server does not listen on 8080", where)
	}
	if len(Find(server, "add_header")) > 0 {
		r.fail("%s: add_header at server level is dropped in every location with its own: include %s in the locations", where, webHeaders)
	}
	locations := map[string]*Directive{}
	for _, l := range Find(server, "location") {
		path := strings.Join(l.Args, " ")
		locations[path] = l
		if len(Find(l.Block, "return")) == 0 && !hasDirective(l.Block, "include", webHeaders) {
			r.fail("%s: location %s serves files without the security headers (include %s)", where, path, webHeaders)
		}
	}
	cacheControl := func(l *Directive) (string, bool) {
		for _, h := range Find(l.Block, "add_header") {
			if len(h.Args) >= 2 && strings.EqualFold(h.Args[0], "Cache-Control") {
				return h.Args[1], len(h.Args) > 2 && h.Args[2] == "always"
			}
		}
		return "", false
	}
	for _, path := range []string{"= /index.html", "= /config.json", "/"} {
		l := locations[path]
		if l == nil {
			r.fail("%s: no location %s", where, path)
			continue
		}
		if value, _ := cacheControl(l); !strings.Contains(value, "no-cache") && !strings.Contains(value, "no-store") {
			r.fail("%s: location %s is cached without revalidation (Cache-Control %q): a new release or configuration would not be seen", where, path, value)
		}
	}
	if l := locations["/assets/"]; l == nil {
		r.fail("%s: no location /assets/ (Vite's content-hashed files)", where)
	} else {
		value, always := cacheControl(l)
		if !strings.Contains(value, "immutable") || !strings.Contains(value, "max-age=31536000") {
			r.fail("%s: /assets/ (content-hashed) is not cached immutable for a year (Cache-Control %q)", where, value)
		}
		if always {
			r.fail("%s: /assets/ adds its Cache-Control `always`: a 404 during a rollout would be cached for a year", where)
		}
		if try := Find(l.Block, "try_files"); len(try) != 1 || try[0].Args[len(try[0].Args)-1] != "=404" {
			r.fail("%s: a missing file under /assets/ must be a 404 (try_files $uri =404), not the app's index.html", where)
		}
	}
	if l := locations["/"]; l != nil {
		if try := Find(l.Block, "try_files"); len(try) != 1 || try[0].Args[len(try[0].Args)-1] != "/index.html" {
			r.fail("%s: location / does not fall back to /index.html (the app's own routes)", where)
		}
	}
	if l := locations["= /config.json"]; l != nil && Arg(l.Block, "root") != webRenderDir+"/html" {
		r.fail("%s: /config.json is not served from %s/html, where it is written at start", where, webRenderDir)
	}
	r.check("%s: security headers on every location serving files, /assets/ immutable, index.html and /config.json revalidated, SPA fallback", where)
}

// checkWebHeaders: the Content-Security-Policy and the other security headers, on every response (always).
func checkWebHeaders(r *Report, directives []*Directive) {
	const where = "web/nginx/templates/conf.d/security-headers.inc.template"
	headers := map[string]string{}
	for _, h := range Find(directives, "add_header") {
		if len(h.Args) < 2 {
			continue
		}
		headers[strings.ToLower(h.Args[0])] = h.Args[1]
		if len(h.Args) < 3 || h.Args[2] != "always" {
			r.fail("%s: %s is not sent `always` (error responses too)", where, h.Args[0])
		}
	}
	if headers["x-content-type-options"] != "nosniff" {
		r.fail("%s: no X-Content-Type-Options: nosniff", where)
	}
	switch headers["referrer-policy"] {
	case "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin":
	default:
		r.fail("%s: Referrer-Policy %q leaks paths (the sign-in callback's code) to other sites", where, headers["referrer-policy"])
	}
	if headers["permissions-policy"] == "" {
		r.fail("%s: no Permissions-Policy", where)
	}
	csp := map[string][]string{}
	for _, part := range strings.Split(headers["content-security-policy"], ";") {
		if fields := strings.Fields(part); len(fields) > 0 {
			csp[strings.ToLower(fields[0])] = fields[1:]
		}
	}
	if len(csp) == 0 {
		r.fail("%s: no Content-Security-Policy", where)
		return
	}
	is := func(directive string, allowed ...string) {
		values, ok := csp[directive]
		if !ok {
			r.fail("%s: the Content-Security-Policy has no %s", where, directive)
			return
		}
		for _, v := range values {
			if !contains(allowed, v) {
				r.fail("%s: the Content-Security-Policy's %s allows %s (only %s)", where, directive, v, strings.Join(allowed, " "))
			}
		}
	}
	is("default-src", "'self'", "'none'")
	is("script-src", "'self'")
	is("style-src", "'self'")
	is("object-src", "'none'")
	is("frame-ancestors", "'none'")
	is("base-uri", "'self'", "'none'")
	is("connect-src", "'self'", "${CYCUBE_CSP_CONNECT_SRC}")
	if !contains(csp["connect-src"], "${CYCUBE_CSP_CONNECT_SRC}") {
		r.fail("%s: the Content-Security-Policy's connect-src does not name the router's and Keycloak's origins (${CYCUBE_CSP_CONNECT_SRC})", where)
	}
	r.check("%s: CSP (scripts and styles 'self' only, connect-src the router and Keycloak, frame-ancestors 'none', object-src 'none'), nosniff, Referrer-Policy, Permissions-Policy, always", where)
}

// checkWebDockerfile: the final image is the pinned unprivileged nginx, not switched back to root; the start-up script
// is executable by any user (the entrypoint skips a script without its x bit, and the chart runs the image as another
// user than the file's owner); the templates render into /tmp; the build context holds every file the build copies.
func checkWebDockerfile(r *Report, dockerfile, dockerignore string) {
	const where = "web/Dockerfile"
	lines := strings.Split(regexp.MustCompile(`\\\r?\n`).ReplaceAllString(dockerfile, " "), "\n")
	args := map[string]string{}
	var final []string // the instructions of the last stage
	var sources []string
	for _, line := range lines {
		fields := strings.Fields(line)
		if len(fields) < 2 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		switch strings.ToUpper(fields[0]) {
		case "ARG":
			if name, value, ok := strings.Cut(fields[1], "="); ok && final == nil {
				args[name] = value
			}
		case "FROM":
			final = []string{line}
			continue
		case "COPY", "ADD":
			fromStage := false
			var operands []string
			for _, f := range fields[1:] {
				if strings.HasPrefix(f, "--from=") {
					fromStage = true
				} else if !strings.HasPrefix(f, "--") {
					operands = append(operands, f)
				}
			}
			if !fromStage && len(operands) > 1 {
				sources = append(sources, operands[:len(operands)-1]...)
			}
		}
		if final != nil {
			final = append(final, line)
		}
	}
	if len(final) == 0 {
		r.fail("%s: no FROM", where)
		return
	}
	image := strings.Fields(final[0])[1]
	if m := regexp.MustCompile(`^\$\{?([A-Za-z_]+)\}?$`).FindStringSubmatch(image); m != nil {
		image = args[m[1]]
	}
	repository, tag, _ := strings.Cut(image, ":")
	if repository != "nginxinc/nginx-unprivileged" || tag == "" || tag == "latest" || strings.HasPrefix(tag, "stable") || strings.HasPrefix(tag, "mainline") {
		r.fail("%s: the image is %q, not nginxinc/nginx-unprivileged with a pinned version", where, image)
	}
	envs := map[string]string{}
	script := false
	for _, line := range final[1:] {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		switch strings.ToUpper(fields[0]) {
		case "USER":
			if fields[1] == "root" || fields[1] == "0" || strings.HasPrefix(fields[1], "0:") || strings.HasPrefix(fields[1], "root:") {
				r.fail("%s: the image switches to %s: nginx must run as the unprivileged user", where, fields[1])
			}
		case "ENV":
			for _, f := range fields[1:] {
				if name, value, ok := strings.Cut(f, "="); ok {
					envs[name] = value
				}
			}
		case "COPY":
			if !strings.HasPrefix(fields[len(fields)-1], "/docker-entrypoint.d/") || !strings.Contains(line, "05-cycube-config.envsh") {
				continue
			}
			script = true
			mode := int64(0)
			for _, f := range fields {
				if value, ok := strings.CutPrefix(f, "--chmod="); ok {
					mode, _ = strconv.ParseInt(value, 8, 32)
				}
			}
			if mode&0o005 != 0o005 {
				r.fail("%s: 05-cycube-config.envsh is copied without read and execute for every user (--chmod=0755): the entrypoint would skip the checks", where)
			}
		}
	}
	if !script {
		r.fail("%s: 05-cycube-config.envsh is not copied into /docker-entrypoint.d/ of the final image", where)
	}
	if envs["NGINX_ENVSUBST_OUTPUT_DIR"] != webRenderDir {
		r.fail("%s: NGINX_ENVSUBST_OUTPUT_DIR is %q, not %s (where nginx.conf includes the rendered server from)", where, envs["NGINX_ENVSUBST_OUTPUT_DIR"], webRenderDir)
	}
	if envs["NGINX_ENVSUBST_FILTER"] == "" {
		r.fail("%s: no NGINX_ENVSUBST_FILTER: every variable of the environment would be substituted into nginx's configuration", where)
	}
	r.check("%s: pinned nginxinc/nginx-unprivileged (%s), never root, start-up checks executable, templates rendered into %s", where, image, webRenderDir)

	// web/Dockerfile.dockerignore: everything excluded but what the build copies.
	var patterns []string
	for _, line := range strings.Split(dockerignore, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			patterns = append(patterns, line)
		}
	}
	if len(patterns) == 0 || patterns[0] != "*" {
		r.fail("web/Dockerfile.dockerignore: does not start with `*` (send nothing but what is listed): the context is the whole repository")
	}
	for _, source := range sources {
		included := false
		for _, p := range patterns {
			if p, ok := strings.CutPrefix(p, "!"); ok && (p == source || strings.HasPrefix(source, strings.TrimSuffix(p, "/")+"/") || strings.HasPrefix(p, strings.TrimSuffix(source, "/")+"/")) {
				included = true
			}
		}
		if !included {
			r.fail("web/Dockerfile.dockerignore: %s, which web/Dockerfile copies, is not in the build context", source)
		}
	}
	r.check("web/Dockerfile.dockerignore: the context is only %v", sources)
}

// checkComposeWeb: compose's web service is built from web/Dockerfile, published on the host's loopback by default
// (5173), tells the browser the issuer the router and the subgraphs accept and the realm's public client, runs
// read-only without capabilities, has a healthcheck and waits for the router; the router allows exactly the console's
// origin CYCUBE_WEB_URL (a required variable) for CORS.
func checkComposeWeb(r *Report, root string, project *types.Project) {
	web, err := project.GetService("web")
	if err != nil {
		r.fail("no service web (the console, web/Dockerfile)")
		return
	}
	if web.Build == nil {
		r.fail("web: not built from web/Dockerfile")
	} else if rel, _ := filepath.Rel(root, web.Build.Context); rel != "." || filepath.ToSlash(web.Build.Dockerfile) != "web/Dockerfile" {
		r.fail("web: built from %s with %s, not the repository's root with web/Dockerfile (the build needs client-codegen/ and schema/)", web.Build.Context, web.Build.Dockerfile)
	}
	if len(web.Ports) != 1 || web.Ports[0].Target != 8080 || web.Ports[0].HostIP != "127.0.0.1" || web.Ports[0].Published != "5173" {
		r.fail("web: ports %+v: want only 8080 as 5173 on the host's loopback by default (\"${WEB_PUBLISH_ADDRESS:-127.0.0.1}:5173:8080\"), for the reverse proxy", web.Ports)
	}
	env := map[string]string{}
	for _, name := range webSettings {
		if v := web.Environment[name]; v != nil {
			env[name] = *v
		}
	}
	issuer := ""
	if identity, err := project.GetService("identity"); err == nil && identity.Environment["CYCUBE_SECURITY_ISSUER_URI"] != nil {
		issuer = *identity.Environment["CYCUBE_SECURITY_ISSUER_URI"]
	}
	checkWebSettings(r, "web", env, issuer, mustRead(filepath.Join(root, "keycloak", "cycube-realm.json")))
	if !web.ReadOnly {
		r.fail("web: read_only is not true (nginx writes only to the tmpfs at /tmp)")
	}
	tmp := false
	for _, t := range web.Tmpfs {
		tmp = tmp || t == "/tmp" || strings.HasPrefix(t, "/tmp:")
	}
	if !tmp {
		r.fail("web: no tmpfs at /tmp, where nginx writes its pid, temporary files and the rendered configuration")
	}
	if !contains(web.CapDrop, "ALL") {
		r.fail("web: cap_drop does not drop ALL capabilities")
	}
	if !contains(web.SecurityOpt, "no-new-privileges:true") && !contains(web.SecurityOpt, "no-new-privileges") {
		r.fail("web: security_opt lacks no-new-privileges:true")
	}
	if web.HealthCheck == nil || web.HealthCheck.Disable || !strings.Contains(strings.Join(web.HealthCheck.Test, " "), "/healthz") {
		r.fail("web: the healthcheck must ask /healthz")
	}
	if _, ok := web.DependsOn["router"]; !ok {
		r.fail("web: does not depend on router")
	}
	if router, err := project.GetService("router"); err == nil {
		raw := rawComposeEnvironment(r, root)
		v := router.Environment["CORS_ORIGINS"]
		if v == nil || *v != standInEnv()["CYCUBE_WEB_URL"] || !requiredReference(raw["router"]["CORS_ORIGINS"], "CYCUBE_WEB_URL") {
			r.fail("router: CORS_ORIGINS must be the console's origin and nothing else: ${CYCUBE_WEB_URL:?...}")
		}
	}
	r.check("web: built from web/Dockerfile, on 127.0.0.1:5173 by default, read-only without capabilities, healthcheck, the subgraphs' issuer and the realm's public client; router: CORS_ORIGINS is CYCUBE_WEB_URL")
}

// checkWebSettings: the console's settings as its image requires them (every one set, the GraphQL endpoint over http(s)
// and ws(s) on one host), the OIDC authority the issuer the API accepts, the client a public PKCE client of the realm.
func checkWebSettings(r *Report, where string, env map[string]string, issuer, realm string) (graphql, ws *url.URL) {
	for _, name := range webSettings {
		if env[name] == "" {
			r.fail("%s: %s is not set: the console's image refuses to start without it", where, name)
		}
	}
	parse := func(name string, schemes ...string) *url.URL {
		u, err := url.Parse(env[name])
		if env[name] != "" && (err != nil || !contains(schemes, u.Scheme) || u.Host == "" || u.RawQuery != "" || u.Fragment != "") {
			r.fail("%s: %s is %q, not a %s URL", where, name, env[name], strings.Join(schemes, "/"))
			return nil
		}
		return u
	}
	graphql = parse("CYCUBE_GRAPHQL_URL", "http", "https")
	ws = parse("CYCUBE_GRAPHQL_WS_URL", "ws", "wss")
	parse("CYCUBE_OIDC_AUTHORITY", "http", "https")
	if graphql != nil && ws != nil && (graphql.Host != ws.Host || graphql.Path != ws.Path || (graphql.Scheme == "https") != (ws.Scheme == "wss")) {
		r.fail("%s: CYCUBE_GRAPHQL_URL %s and CYCUBE_GRAPHQL_WS_URL %s are not the same endpoint (host, path, TLS)", where, graphql, ws)
	}
	if issuer != "" && strings.TrimRight(env["CYCUBE_OIDC_AUTHORITY"], "/") != strings.TrimRight(issuer, "/") {
		r.fail("%s: CYCUBE_OIDC_AUTHORITY is %q, not the issuer the router and the subgraphs accept (%q): every token would be refused", where, env["CYCUBE_OIDC_AUTHORITY"], issuer)
	}
	if realm != "" && env["CYCUBE_OIDC_CLIENT_ID"] != "" {
		if err := realmPublicClient(realm, env["CYCUBE_OIDC_CLIENT_ID"]); err != nil {
			r.fail("%s: CYCUBE_OIDC_CLIENT_ID %q: %v", where, env["CYCUBE_OIDC_CLIENT_ID"], err)
		}
	}
	return graphql, ws
}

// realmPublicClient: the client exists in the realm, is public (no secret in a browser) and requires PKCE S256.
func realmPublicClient(realm, clientID string) error {
	var file struct {
		Clients []struct {
			ClientID     string            `json:"clientId"`
			PublicClient bool              `json:"publicClient"`
			Attributes   map[string]string `json:"attributes"`
		} `json:"clients"`
	}
	if err := json.Unmarshal([]byte(realm), &file); err != nil {
		return fmt.Errorf("the realm does not parse: %w", err)
	}
	for _, c := range file.Clients {
		if c.ClientID == clientID {
			if !c.PublicClient || c.Attributes["pkce.code.challenge.method"] != "S256" {
				return fmt.Errorf("not a public client requiring PKCE S256 in keycloak/cycube-realm.json")
			}
			return nil
		}
	}
	return fmt.Errorf("no such client in keycloak/cycube-realm.json")
}

// checkWebConsole: the chart's web console (web.enabled) has a Deployment, a Service and a NetworkPolicy admitting on
// 8080 exactly the router's public peers (router.allowedFrom) — when the Ingress routes / to it, the ingress controller,
// never everyone; its settings are sound (checkWebSettings, the issuer the router accepts); with the Ingress in front it
// calls /graphql over https/wss on its own host, and that origin is the one the realm import sends cycube-web back to
// and notification's e-mails link to.
func checkWebConsole(r *Report, want Expectations, deployments []*appsv1.Deployment, services []*corev1.Service,
	policies []*networkingv1.NetworkPolicy, ingresses []*networkingv1.Ingress, jobs []*batchv1.Job, routerPeers []networkingv1.NetworkPolicyPeer) {
	d := deploymentOf(deployments, "web")
	if d == nil {
		if want.Web {
			r.fail("no Deployment for the web console (web.enabled)")
		}
		return
	}
	service := serviceFor(services, d)
	if service == nil {
		r.fail("no Service for the web console")
	}
	host := ""
	for _, in := range ingresses {
		for _, rule := range in.Spec.Rules {
			if rule.HTTP == nil {
				continue
			}
			for _, path := range rule.HTTP.Paths {
				if path.Path == "/" && service != nil && path.Backend.Service != nil && path.Backend.Service.Name == service.Name {
					host = rule.Host
				}
			}
		}
	}
	checkWebNetworkPolicy(r, d, policies, routerPeers, host != "")

	env := map[string]string{}
	for _, name := range webSettings {
		if e := containerEnv(d, name); e != nil {
			if e.ValueFrom != nil {
				r.fail("Deployment/%s: %s must be a value (web.config), not a reference the checks cannot read", d.Name, name)
			}
			env[name] = e.Value
		}
	}
	issuer := ""
	if router := deploymentOf(deployments, "router"); router != nil {
		if e := containerEnv(router, "KEYCLOAK_ISSUER"); e != nil {
			issuer = e.Value
		}
	}
	graphql, ws := checkWebSettings(r, "Deployment/"+d.Name, env, issuer, want.Realm)
	if host == "" {
		r.check("web console: Deployment, Service, NetworkPolicy (8080 from router.allowedFrom only), settings for its image, the router's issuer")
		return
	}
	origin := "https://" + host
	if graphql != nil && graphql.String() != origin+"/graphql" {
		r.fail("Deployment/%s: CYCUBE_GRAPHQL_URL is %s: the Ingress serves the console and /graphql on %s, so it must be %s/graphql", d.Name, graphql, host, origin)
	}
	if ws != nil && ws.String() != "wss://"+host+"/graphql" {
		r.fail("Deployment/%s: CYCUBE_GRAPHQL_WS_URL is %s, want wss://%s/graphql", d.Name, ws, host)
	}
	for _, j := range jobs {
		for _, c := range j.Spec.Template.Spec.Containers {
			for _, e := range c.Env {
				if e.Name == "CYCUBE_WEB_URL" && strings.TrimRight(e.Value, "/") != origin {
					r.fail("Job/%s: CYCUBE_WEB_URL (realmImport.job.webUrl) is %q, but the Ingress serves the console at %s: Keycloak would refuse to send cycube-web back there", j.Name, e.Value, origin)
				}
			}
		}
	}
	if notification := deploymentOf(deployments, "notification"); notification != nil {
		if e := containerEnv(notification, "CYCUBE_CONSOLE_URL"); e == nil || strings.TrimRight(e.Value, "/") != origin {
			r.fail("Deployment/%s: CYCUBE_CONSOLE_URL must be the console's origin %s (links in e-mails)", notification.Name, origin)
		}
	}
	r.check("web console at %s (Ingress /): Deployment, Service, NetworkPolicy (8080 from the ingress controller only), /graphql over https and wss on its own origin, the router's issuer; the realm import's CYCUBE_WEB_URL and notification's links are that origin", origin)
}

// checkWebNetworkPolicy: the console's pods admit 8080 and nothing else, from the router's public peers only (all of
// them when the Ingress routes / here: the ingress controller must get through, and that set must not be everyone).
func checkWebNetworkPolicy(r *Report, d *appsv1.Deployment, policies []*networkingv1.NetworkPolicy, routerPeers []networkingv1.NetworkPolicyPeer, routed bool) {
	selecting := selectingPolicies(policies, d)
	if len(selecting) == 0 {
		r.fail("web: no NetworkPolicy selects its pods")
		return
	}
	if routed && len(routerPeers) == 0 {
		r.fail("web: the Ingress routes / to it, but the router admits everyone on 4000: set router.allowedFrom to the ingress controller, so that only it is admitted on the console's 8080")
	}
	admitted := make([]bool, len(routerPeers))
	for _, p := range selecting {
		where := fmt.Sprintf("NetworkPolicy/%s (web)", p.Name)
		if !contains(policyTypes(p), string(networkingv1.PolicyTypeIngress)) {
			r.fail("%s: policyTypes lacks Ingress", where)
		}
		for _, rule := range p.Spec.Ingress {
			if len(rule.Ports) == 0 {
				r.fail("%s: a rule admits every port", where)
			}
			for _, port := range rule.Ports {
				if port.Port == nil || port.Port.IntValue() != 8080 {
					r.fail("%s: admits a port other than 8080, which the console does not serve", where)
				}
			}
			if len(rule.From) == 0 && len(routerPeers) > 0 {
				r.fail("%s: port 8080 is open to everyone, not only router.allowedFrom (the ingress controller)", where)
			}
			for _, peer := range rule.From {
				known := false
				for i := range routerPeers {
					if equality.Semantic.DeepEqual(routerPeers[i], peer) {
						admitted[i], known = true, true
					}
				}
				if !known {
					r.fail("%s: port 8080 admits a peer that is not one of router.allowedFrom (the ingress controller)", where)
				}
			}
		}
	}
	for i, ok := range admitted {
		if routed && !ok {
			r.fail("web: the Ingress routes / to it, but no NetworkPolicy admits the router's public peer %d (router.allowedFrom, the ingress controller) on 8080", i+1)
		}
	}
}

func policyTypes(p *networkingv1.NetworkPolicy) []string {
	var list []string
	for _, t := range p.Spec.PolicyTypes {
		list = append(list, string(t))
	}
	return list
}

func hasDirective(ds []*Directive, name string, args ...string) bool {
	for _, d := range Find(ds, name) {
		if strings.Join(d.Args, " ") == strings.Join(args, " ") {
			return true
		}
	}
	return false
}

func contains(list []string, value string) bool {
	for _, v := range list {
		if v == value {
			return true
		}
	}
	return false
}
