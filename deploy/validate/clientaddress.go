package main

import (
	"fmt"
	"net"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	appsv1 "k8s.io/api/apps/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"sigs.k8s.io/yaml"
)

// The client address the subgraphs audit (docs/adr/0005, router/README.md "Client address"): in production the
// ingress writes X-Forwarded-For, the router passes that one header on, and the subgraphs believe it only from
// cycube.security.trusted-proxies (the router's pods). These checks keep the three in step.

// trustedProxiesVariable: how a deployment hands a subgraph its trusted proxies (cycube.security.trusted-proxies).
const trustedProxiesVariable = "CYCUBE_SECURITY_TRUSTED_PROXIES"

// forwardingHeaders: what a client may send to claim an address. Only X-Forwarded-For travels, and only in
// production, where the ingress writes it.
var forwardingHeaders = []string{"x-forwarded-for", "forwarded", "x-real-ip", "x-client-ip"}

// routerHeaderRules: the header rules of a router configuration, as far as these checks read them.
type routerHeaderRules struct {
	Headers struct {
		All struct {
			Request []struct {
				Propagate *struct {
					Named    any `json:"named"`
					Matching any `json:"matching"`
				} `json:"propagate"`
				Remove *struct {
					Named    any `json:"named"`
					Matching any `json:"matching"`
				} `json:"remove"`
				Insert *struct {
					Name string `json:"name"`
				} `json:"insert"`
			} `json:"request"`
		} `json:"all"`
		Subgraphs map[string]any `json:"subgraphs"`
	} `json:"headers"`
}

// CheckRouterForwardingHeaders: the production configuration propagates X-Forwarded-For and removes the other
// forwarding headers; the local one (the router is the edge there) removes all of them. Neither inserts one, matches
// headers by pattern, or has per-subgraph rules that could let another through.
func CheckRouterForwardingHeaders(config string, production bool) Report {
	var r Report
	var rules routerHeaderRules
	if err := yaml.Unmarshal([]byte(config), &rules); err != nil {
		r.fail("does not parse: %v", err)
		return r
	}
	propagated := map[string]bool{}
	removed := map[string]bool{}
	for i, rule := range rules.Headers.All.Request {
		if rule.Propagate != nil {
			if rule.Propagate.Matching != nil {
				r.fail("headers.all.request[%d]: propagates headers by pattern; name them, so that no forwarding header slips through", i)
			}
			for _, name := range headerNames(rule.Propagate.Named) {
				propagated[name] = true
				delete(removed, name) // a later rule wins
			}
		}
		if rule.Remove != nil {
			for _, name := range headerNames(rule.Remove.Named) {
				removed[name] = true
				delete(propagated, name)
			}
		}
		if rule.Insert != nil && isForwardingHeader(rule.Insert.Name) {
			r.fail("headers.all.request[%d]: inserts %s: the subgraphs would audit an address the router made up", i, rule.Insert.Name)
		}
	}
	if len(rules.Headers.Subgraphs) > 0 {
		r.fail("headers.subgraphs: per-subgraph header rules; the client-address checks read headers.all only")
	}
	for _, name := range forwardingHeaders {
		passes := propagated[name] && !removed[name]
		wantPassed := production && name == "x-forwarded-for"
		switch {
		case wantPassed && !passes:
			r.fail("%s is not propagated: the subgraphs would audit the router's address for every client (the ingress writes it)", name)
		case !wantPassed && passes:
			r.fail("%s is propagated: a client could choose the address it is audited under", name)
		case !wantPassed && !removed[name]:
			r.fail("%s is not removed: name it in the last remove rule, so that no broader rule can pass it on", name)
		}
	}
	if production {
		r.check("propagates X-Forwarded-For (written by the ingress) and removes Forwarded, X-Real-IP, X-Client-IP")
	} else {
		r.check("removes X-Forwarded-For, Forwarded, X-Real-IP, X-Client-IP (the router is the edge)")
	}
	return r
}

func headerNames(named any) []string {
	var names []string
	switch v := named.(type) {
	case string:
		names = append(names, v)
	case []any:
		for _, item := range v {
			if s, ok := item.(string); ok {
				names = append(names, s)
			}
		}
	}
	for i := range names {
		names[i] = strings.ToLower(strings.TrimSpace(names[i]))
	}
	return names
}

func isForwardingHeader(name string) bool {
	for _, h := range forwardingHeaders {
		if strings.EqualFold(strings.TrimSpace(name), h) {
			return true
		}
	}
	return false
}

// trustedProxyProblems: what is wrong with a trusted-proxies value (comma-separated CIDR blocks or addresses): an
// entry that is not one, or a block of every address (0.0.0.0/0, ::/0), which would let anyone who reaches a
// subgraph choose the address it is audited under.
func trustedProxyProblems(value string) []string {
	var problems []string
	for _, entry := range strings.Split(value, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		text := entry
		if !strings.Contains(text, "/") {
			if net.ParseIP(text) == nil {
				problems = append(problems, fmt.Sprintf("%q is not an IP address or CIDR block", entry))
			}
			continue
		}
		_, network, err := net.ParseCIDR(text)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%q is not an IP address or CIDR block", entry))
			continue
		}
		if ones, _ := network.Mask.Size(); ones == 0 {
			problems = append(problems, fmt.Sprintf("%q trusts every address: anyone reaching a subgraph could choose the address it is audited under", entry))
		}
	}
	return problems
}

// checkChartTrustedProxies: every Deployment's trusted proxies are blocks of addresses, never all of them; and where
// the subgraphs believe the router's X-Forwarded-For, the router admits only its public peers (the ingress
// controller), since it passes on whatever its caller wrote.
func checkChartTrustedProxies(r *Report, deployments []*appsv1.Deployment, routerPeers []networkingv1.NetworkPolicyPeer) {
	var trusting []string
	for _, d := range deployments {
		for _, c := range d.Spec.Template.Spec.Containers {
			for _, e := range c.Env {
				if e.Name != trustedProxiesVariable {
					continue
				}
				if e.ValueFrom != nil {
					r.fail("Deployment/%s: %s comes from a reference the checks cannot read; give it as a value", d.Name, e.Name)
					continue
				}
				for _, problem := range trustedProxyProblems(e.Value) {
					r.fail("Deployment/%s: %s: %s", d.Name, e.Name, problem)
				}
				if strings.TrimSpace(e.Value) != "" {
					trusting = append(trusting, d.Name)
				}
			}
		}
	}
	if len(trusting) > 0 && len(routerPeers) == 0 {
		sort.Strings(trusting)
		r.fail("%v trust X-Forwarded-For from the router, but the router admits everyone on 4000 and passes on what its caller wrote: set router.allowedFrom to the ingress controller", trusting)
	}
	r.check("trusted proxies (%s) are CIDR blocks, never every address, and only behind a router that admits the ingress controller alone (%d Deployments trust one)", trustedProxiesVariable, len(trusting))
}

// checkComposeTrustedProxies: no compose service trusts every address.
func checkComposeTrustedProxies(r *Report, project *types.Project) {
	for _, s := range project.Services {
		if v := s.Environment[trustedProxiesVariable]; v != nil {
			for _, problem := range trustedProxyProblems(*v) {
				r.fail("%s: %s: %s", s.Name, trustedProxiesVariable, problem)
			}
		}
	}
	r.check("no service's %s trusts every address", trustedProxiesVariable)
}
