package main

import (
	"regexp"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
)

// requiredSecretEnv: variables a component must get from a Secret (a secretKeyRef that is not optional), whatever
// their names look like — secretLike catches literal values of secret-sounding names, this catches a key that is
// missing, optional or literal. Each one is a key the subgraph refuses to start without, or without which a part of
// it fails at run time (audit's CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET: Keycloak refuses the reader, no sign-ins reach the
// trail).
var requiredSecretEnv = map[string][]string{
	"identity":     {"CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET"},
	"assessment":   {"CYCUBE_ASSESSMENT_CERTIFICATES_SIGNING_KEY"},
	"notification": {"CYCUBE_NOTIFICATION_MAIL_UNSUBSCRIBE_KEY", "CYCUBE_NOTIFICATION_WEBHOOKS_SECRET_KEY"},
	"audit":        {"CYCUBE_AUDIT_CHECKPOINT_KEY", "CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET"},
}

// checkRequiredSecrets: each deployed component of requiredSecretEnv gets its keys from Secrets.
func checkRequiredSecrets(r *Report, deployments []*appsv1.Deployment) {
	components := make([]string, 0, len(requiredSecretEnv))
	for component := range requiredSecretEnv {
		components = append(components, component)
	}
	sort.Strings(components)
	var listed []string
	for _, component := range components {
		listed = append(listed, component+" "+strings.Join(requiredSecretEnv[component], ", "))
		d := deploymentOf(deployments, component)
		if d == nil {
			continue
		}
		for _, name := range requiredSecretEnv[component] {
			e := containerEnv(d, name)
			switch {
			case e == nil:
				r.fail("Deployment/%s: %s is missing: it must come from a Secret (secretKeyRef)", d.Name, name)
			case e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil:
				r.fail("Deployment/%s: %s must come from a Secret (secretKeyRef), not a literal value or another source", d.Name, name)
			case e.ValueFrom.SecretKeyRef.Optional != nil && *e.ValueFrom.SecretKeyRef.Optional:
				r.fail("Deployment/%s: %s must come from a Secret that is not optional (the subgraph needs it)", d.Name, name)
			}
		}
	}
	r.check("keys from Secrets (required secretKeyRefs): %s", strings.Join(listed, "; "))
}

func containerEnv(d *appsv1.Deployment, name string) *corev1.EnvVar {
	for _, c := range d.Spec.Template.Spec.Containers {
		for i := range c.Env {
			if c.Env[i].Name == name {
				return &c.Env[i]
			}
		}
	}
	return nil
}

// localDevelopmentSwitches: Spring properties that only a laptop may turn on — the webhooks' SSRF guard and their
// https-only rule off, and the development mode that accepts the public development keys. Compared in Spring's
// relaxed form (upper case, without dots, dashes and underscores), so CYCUBE_DEV_MODE is cycube.dev-mode.
var localDevelopmentSwitches = []string{
	"cycube.notification.webhooks.allow-private-addresses",
	"cycube.notification.webhooks.allow-http",
	"cycube.dev-mode",
}

var relaxedSeparators = strings.NewReplacer(".", "", "-", "", "_", "", "[", "", "]", "")

func relaxed(name string) string {
	return strings.ToUpper(relaxedSeparators.Replace(name))
}

// switchedOnInText: a switch set true inside another value, e.g. JAVA_TOOL_OPTIONS
// -Dcycube.notification.webhooks.allow-private-addresses=true or SPRING_APPLICATION_JSON {"allow-private-addresses": true}.
var switchedOnInText = regexp.MustCompile(`(?i)(allow-?_?private-?_?addresses|allow-?_?http|dev-?_?mode)["']?\s*[=:]\s*["']?true`)

// localDevelopmentSwitch says which switch an environment variable turns on ("" if none). fromReference: the value
// comes from a Secret or ConfigMap the checks cannot read, which counts as on for a switch's own variable.
func localDevelopmentSwitch(name, value string, fromReference bool) string {
	for _, property := range localDevelopmentSwitches {
		if relaxed(name) == relaxed(property) {
			if fromReference || !strings.EqualFold(strings.TrimSpace(value), "false") {
				return property
			}
			return ""
		}
	}
	if m := switchedOnInText.FindStringSubmatch(value); m != nil {
		return m[1] + " (in " + name + ")"
	}
	return ""
}

// checkIngressPaths: the Ingress publishes exactly /graphql (Exact) to the router and, when the notification
// subgraph is deployed, /unsubscribe/ (Prefix) to notification's port 8080, and when the web console is deployed, /
// (Prefix) to its port 8080: nothing else of any Service (the router's landing page, a subgraph's /graphql that would
// skip the router, actuator endpoints) is reachable from outside.
// Returns the components an Ingress rightly routes a path to (notification, web): their NetworkPolicy admits the
// router's public peers on 8080, and must.
func checkIngressPaths(r *Report, ingresses []*networkingv1.Ingress, services []*corev1.Service, deployments []*appsv1.Deployment) map[string]bool {
	routed := map[string]bool{}
	componentOfService := map[string]string{}
	for _, d := range deployments {
		if s := serviceFor(services, d); s != nil {
			componentOfService[s.Name] = d.Spec.Template.Labels["app.kubernetes.io/component"]
		}
	}
	notificationDeployed := deploymentOf(deployments, "notification") != nil
	webDeployed := deploymentOf(deployments, "web") != nil
	for _, in := range ingresses {
		where := "Ingress/" + in.Name
		if in.Spec.DefaultBackend != nil {
			r.fail("%s has a default backend: only /graphql and /unsubscribe/ are public", where)
		}
		unsubscribe, console := false, false
		for _, rule := range in.Spec.Rules {
			if rule.HTTP == nil {
				continue
			}
			for _, path := range rule.HTTP.Paths {
				pathType := ""
				if path.PathType != nil {
					pathType = string(*path.PathType)
				}
				target := ""
				if path.Backend.Service != nil {
					target = componentOfService[path.Backend.Service.Name]
				}
				switch {
				case path.Path == "/graphql" && pathType == string(networkingv1.PathTypeExact):
					if target != "router" {
						r.fail("%s: /graphql goes to %q, not the router", where, target)
					}
				case path.Path == "/unsubscribe/" && pathType == string(networkingv1.PathTypePrefix):
					unsubscribe = true
					if target != "notification" {
						r.fail("%s: /unsubscribe/ goes to %q, not the notification subgraph", where, target)
					} else if port := path.Backend.Service.Port; port.Name != "http" && port.Number != 8080 {
						r.fail("%s: /unsubscribe/ goes to notification's port %s%d, not http (8080)", where, port.Name, port.Number)
					} else {
						routed[target] = true
					}
				case path.Path == "/" && pathType == string(networkingv1.PathTypePrefix):
					console = true
					if target != "web" {
						r.fail("%s: / goes to %q, not the web console", where, target)
					} else if port := path.Backend.Service.Port; port.Name != "http" && port.Number != 8080 {
						r.fail("%s: / goes to the web console's port %s%d, not http (8080)", where, port.Name, port.Number)
					} else {
						routed[target] = true
					}
				default:
					r.fail("%s routes %s %q: only /graphql (Exact, router), /unsubscribe/ (Prefix, notification) and / (Prefix, web console) are public", where, pathType, path.Path)
				}
			}
		}
		if notificationDeployed && !unsubscribe {
			r.fail("%s does not route /unsubscribe/ to the notification subgraph: one-click unsubscribe links of e-mails would fail", where)
		}
		if webDeployed && !console {
			r.fail("%s does not route / to the web console (web.enabled): the console would not be served next to /graphql", where)
		}
	}
	r.check("%d Ingresses route only /graphql (router), /unsubscribe/ (notification) and / (web console)", len(ingresses))
	return routed
}

// publicPeers: who the router's NetworkPolicies admit on its public port 4000 (nil: everyone, or no policy).
func publicPeers(policies []*networkingv1.NetworkPolicy, router *appsv1.Deployment) []networkingv1.NetworkPolicyPeer {
	if router == nil {
		return nil
	}
	var peers []networkingv1.NetworkPolicyPeer
	for _, p := range selectingPolicies(policies, router) {
		for _, rule := range p.Spec.Ingress {
			for _, port := range rule.Ports {
				if port.Port != nil && port.Port.IntValue() == 4000 {
					if len(rule.From) == 0 {
						return nil
					}
					peers = append(peers, rule.From...)
				}
			}
		}
	}
	return peers
}
