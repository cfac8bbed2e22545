package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The client address (docs/adr/0005): the production router passes on X-Forwarded-For only, the local one nothing,
// and the subgraphs trust it from blocks of addresses — never from everyone — behind a router only the ingress reaches.

func routerConfig(t *testing.T, name string) string {
	t.Helper()
	text := mustRead(filepath.Join(repositoryRoot(t), "router", name))
	if text == "" {
		t.Fatalf("router/%s is missing", name)
	}
	return text
}

func findingsOf(r Report) string {
	return strings.Join(r.Findings, "\n")
}

func TestTheProductionRouterPassesOnXForwardedForAndNoOtherForwardingHeader(t *testing.T) {
	if r := CheckRouterForwardingHeaders(routerConfig(t, "router.config.prod.yaml"), true); len(r.Findings) > 0 {
		t.Errorf("findings: %s", findingsOf(r))
	}
}

func TestTheLocalRouterPassesOnNoForwardingHeader(t *testing.T) {
	if r := CheckRouterForwardingHeaders(routerConfig(t, "router.config.yaml"), false); len(r.Findings) > 0 {
		t.Errorf("findings: %s", findingsOf(r))
	}
}

func TestAProductionRouterThatDropsXForwardedForIsAFinding(t *testing.T) {
	config := strings.Replace(routerConfig(t, "router.config.prod.yaml"), "tracestate, x-forwarded-for]", "tracestate]", 1)
	if r := CheckRouterForwardingHeaders(config, true); !strings.Contains(findingsOf(r), "x-forwarded-for is not propagated") {
		t.Errorf("no finding; findings: %s", findingsOf(r))
	}
}

func TestAProductionRouterThatPassesOnAnotherForwardingHeaderIsAFinding(t *testing.T) {
	prod := routerConfig(t, "router.config.prod.yaml")
	for _, edit := range []struct{ from, to, want string }{
		{"named: [forwarded, x-real-ip, x-client-ip]", "named: [forwarded, x-real-ip]", "x-client-ip is not removed"},
		{"named: [forwarded, x-real-ip, x-client-ip]", "named: [forwarded, x-real-ip, x-client-ip, x-forwarded-for]", "x-forwarded-for is not propagated"},
	} {
		config := strings.Replace(prod, edit.from, edit.to, 1)
		if config == prod {
			t.Fatalf("the edit %q changed nothing", edit.from)
		}
		if r := CheckRouterForwardingHeaders(config, true); !strings.Contains(findingsOf(r), edit.want) {
			t.Errorf("%s -> %s: no finding %q; findings: %s", edit.from, edit.to, edit.want, findingsOf(r))
		}
	}
	// propagated and no longer removed by the last rule
	config := strings.Replace(prod, "tracestate, x-forwarded-for]", "tracestate, x-forwarded-for, x-real-ip]", 1)
	config = strings.Replace(config, "named: [forwarded, x-real-ip, x-client-ip]", "named: [forwarded, x-client-ip]", 1)
	if r := CheckRouterForwardingHeaders(config, true); !strings.Contains(findingsOf(r), "x-real-ip is propagated") {
		t.Errorf("no finding; findings: %s", findingsOf(r))
	}
}

func TestALocalRouterThatPassesOnXForwardedForIsAFinding(t *testing.T) {
	local := routerConfig(t, "router.config.yaml")
	config := strings.Replace(local, "named: [x-forwarded-for, forwarded, x-real-ip, x-client-ip]", "named: [forwarded, x-real-ip, x-client-ip]", 1)
	config = strings.Replace(config, "named: [Authorization, x-request-id, traceparent, tracestate]", "named: [Authorization, x-request-id, traceparent, tracestate, x-forwarded-for]", 1)
	if config == local {
		t.Fatal("the edit changed nothing")
	}
	if r := CheckRouterForwardingHeaders(config, false); !strings.Contains(findingsOf(r), "x-forwarded-for is propagated") {
		t.Errorf("no finding; findings: %s", findingsOf(r))
	}
}

func TestARouterThatInsertsOrMatchesForwardingHeadersIsAFinding(t *testing.T) {
	prod := routerConfig(t, "router.config.prod.yaml")
	inserted := strings.Replace(prod, "      - remove:\n          named: [forwarded", "      - insert:\n          name: x-forwarded-for\n          value: 192.0.2.1\n      - remove:\n          named: [forwarded", 1)
	matched := strings.Replace(prod, "      - remove:\n          named: [forwarded", "      - propagate:\n          matching: [\"^x-.*\"]\n      - remove:\n          named: [forwarded", 1)
	for name, config := range map[string]string{"insert": inserted, "matching": matched} {
		if config == prod {
			t.Fatalf("%s: the edit changed nothing", name)
		}
		if r := CheckRouterForwardingHeaders(config, true); len(r.Findings) == 0 {
			t.Errorf("%s: no finding", name)
		}
	}
}

func TestTrustedProxiesAreBlocksOfAddressesNeverAllOfThem(t *testing.T) {
	for value, wantProblem := range map[string]bool{
		"":                         false,
		"10.244.0.0/16":            false,
		"10.244.0.0/16, fd00::/64": false,
		"10.0.0.7":                 false,
		"0.0.0.0/0":                true,
		"10.244.0.0/16,::/0":       true,
		"router.cycube.svc":        true,
		"10.244.0.0/33":            true,
	} {
		if got := len(trustedProxyProblems(value)) > 0; got != wantProblem {
			t.Errorf("%q: problem %v, want %v (%v)", value, got, wantProblem, trustedProxyProblems(value))
		}
	}
}

func TestTheProductionChartTrustsThePodNetworkAndTheDefaultTrustsNobody(t *testing.T) {
	const trusted = "            - name: CYCUBE_SECURITY_TRUSTED_PROXIES\n              value: \"10.244.0.0/16\"\n"
	for name, objects := range map[string][]Rendered{"default": renderDefault(t), "production": renderProduction(t)} {
		subgraphDeployments := 0
		for _, o := range objects {
			if !strings.HasPrefix(o.YAML, "apiVersion: apps/v1\nkind: Deployment\n") || !strings.Contains(o.YAML, "cycube.io/tier: subgraph") {
				continue
			}
			subgraphDeployments++
			has := strings.Contains(o.YAML, "CYCUBE_SECURITY_TRUSTED_PROXIES")
			if name == "default" && has {
				t.Errorf("default: a subgraph trusts proxies:\n%s", o.YAML)
			}
			if name == "production" && !strings.Contains(o.YAML, trusted) {
				t.Errorf("production: a subgraph lacks %q", trusted)
			}
		}
		if subgraphDeployments != len(expectations().Subgraphs) {
			t.Errorf("%s: %d subgraph Deployments", name, subgraphDeployments)
		}
	}
}

func TestASubgraphTrustingEveryAddressIsAFinding(t *testing.T) {
	mutateProduction(t, "kind: Deployment\nmetadata:\n  name: cycube-identity", func(y string) string {
		return strings.Replace(y, "value: \"10.244.0.0/16\"", "value: \"10.244.0.0/16,0.0.0.0/0\"", 1)
	}, "CYCUBE_SECURITY_TRUSTED_PROXIES: \"0.0.0.0/0\" trusts every address")
}

func TestTrustedProxiesBehindARouterThatAdmitsEveryoneAreAFinding(t *testing.T) {
	mutate(t, "kind: Deployment\nmetadata:\n  name: cycube-training", func(y string) string {
		return withEnv(y, "CYCUBE_SECURITY_TRUSTED_PROXIES", `"10.244.0.0/16"`)
	}, "trust X-Forwarded-For from the router, but the router admits everyone on 4000")
}

func TestTheChartRefusesTrustedProxiesWithoutRestrictingWhoReachesTheRouter(t *testing.T) {
	root := repositoryRoot(t)
	_, err := RenderChart(filepath.Join(root, "deploy", "helm", "cycube"), nil, map[string]any{
		"router":         map[string]any{"supergraph": "type Query { a: Int }"},
		"trustedProxies": []any{"10.244.0.0/16"},
	})
	if err == nil || !strings.Contains(err.Error(), "router.allowedFrom is empty") {
		t.Errorf("rendered, or failed otherwise: %v", err)
	}
}

func TestComposeTrustsNoProxyByDefaultAndNeverEveryAddress(t *testing.T) {
	root := repositoryRoot(t)
	project, err := LoadCompose(root, standInEnv())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range expectations().Subgraphs {
		s, err := project.GetService(name)
		if err != nil {
			t.Fatal(err)
		}
		if v := s.Environment[trustedProxiesVariable]; v == nil || *v != "" {
			t.Errorf("%s: %s should be there and empty by default, is %v", name, trustedProxiesVariable, v)
		}
	}
	env := standInEnv()
	env["SUBGRAPH_TRUSTED_PROXIES"] = "0.0.0.0/0"
	project, err = LoadCompose(root, env)
	if err != nil {
		t.Fatal(err)
	}
	var r Report
	checkComposeTrustedProxies(&r, project)
	if !strings.Contains(findingsOf(r), "trusts every address") {
		t.Errorf("no finding; findings: %s", findingsOf(r))
	}
}
