package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/yaml"
)

// Expectations: what the rendered chart must contain besides being valid Kubernetes.
type Expectations struct {
	Subgraphs      []string // schema/subgraphs.json: each needs a Deployment, Service and NetworkPolicy
	RouterConfig   string   // router/router.config.prod.yaml, the router ConfigMap's content
	Realm          string   // keycloak/cycube-realm.json, the realm ConfigMap's content
	Supergraph     string   // the supergraph ConfigMap's content
	ExpectIngress  bool
	ExpectMonitors bool
	ExpectRealmJob bool
	ExpectPDBs     bool
	Web            bool // web.enabled: the web console (web.go)
}

// ServiceMonitor: the part of monitoring.coreos.com/v1 ServiceMonitor the chart may use (the CRD's Go types are not
// in client-go's scheme). Decoded strictly like the others, so a misspelt field is a finding too.
type ServiceMonitor struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		JobLabel          string               `json:"jobLabel,omitempty"`
		TargetLabels      []string             `json:"targetLabels,omitempty"`
		PodTargetLabels   []string             `json:"podTargetLabels,omitempty"`
		Selector          metav1.LabelSelector `json:"selector"`
		NamespaceSelector *struct {
			Any        bool     `json:"any,omitempty"`
			MatchNames []string `json:"matchNames,omitempty"`
		} `json:"namespaceSelector,omitempty"`
		Endpoints []struct {
			Port          string `json:"port,omitempty"`
			Path          string `json:"path,omitempty"`
			Scheme        string `json:"scheme,omitempty"`
			Interval      string `json:"interval,omitempty"`
			ScrapeTimeout string `json:"scrapeTimeout,omitempty"`
			HonorLabels   bool   `json:"honorLabels,omitempty"`
		} `json:"endpoints"`
	} `json:"spec"`
}

// devRealm: what only keycloak/cycube-realm-dev.json has.
var devRealm = regexp.MustCompile(`"clientId"\s*:\s*"cycube-dev"|"type"\s*:\s*"password"|acme-hr-dev-secret|identity-admin-dev-secret|audit-reader-dev-secret`)

var strictDecoder = serializer.NewCodecFactory(scheme.Scheme, serializer.EnableStrict).UniversalDeserializer()

// Decode turns one rendered YAML document into its typed API object, strictly: unknown fields, duplicate fields and
// wrong types are errors, as is a kind that neither client-go's scheme nor this validator knows.
func Decode(text string) (runtime.Object, error) {
	var meta metav1.TypeMeta
	if err := yaml.Unmarshal([]byte(text), &meta); err != nil {
		return nil, fmt.Errorf("not YAML: %w", err)
	}
	if meta.APIVersion == "monitoring.coreos.com/v1" && meta.Kind == "ServiceMonitor" {
		var monitor ServiceMonitor
		if err := yaml.UnmarshalStrict([]byte(text), &monitor); err != nil {
			return nil, err
		}
		return &monitorObject{monitor}, nil
	}
	object, _, err := strictDecoder.Decode([]byte(text), nil, nil)
	return object, err
}

// monitorObject lets a ServiceMonitor travel with the typed objects.
type monitorObject struct{ ServiceMonitor }

func (m *monitorObject) DeepCopyObject() runtime.Object { c := *m; return &c }

type named interface {
	GetName() string
	GetNamespace() string
	GetLabels() map[string]string
}

// secretLike: environment variable names whose value must come from a Secret, never a literal.
var secretLike = regexp.MustCompile(`(?i)(SECRET|PASSWORD|TOKEN|SIGNING_KEY|PRIVATE_KEY|ACCESS_KEY|CREDENTIAL)`)

// CheckManifests decodes and checks the objects of one rendering.
func CheckManifests(rendered []Rendered, want Expectations) Report {
	var r Report
	var (
		deployments     []*appsv1.Deployment
		services        []*corev1.Service
		serviceAccounts = map[string]*corev1.ServiceAccount{}
		configMaps      = map[string]*corev1.ConfigMap{}
		hpas            []*autoscalingv2.HorizontalPodAutoscaler
		pdbs            []*policyv1.PodDisruptionBudget
		policies        []*networkingv1.NetworkPolicy
		ingresses       []*networkingv1.Ingress
		jobs            []*batchv1.Job
		monitors        []*ServiceMonitor
	)
	seen := map[string]string{}
	for _, item := range rendered {
		object, err := Decode(item.YAML)
		if err != nil {
			r.fail("%s: does not decode strictly into its Kubernetes type: %v", item.Template, err)
			continue
		}
		kind := fmt.Sprintf("%T", object)
		if m, ok := object.(*monitorObject); ok {
			kind = "ServiceMonitor"
			object = nil
			monitors = append(monitors, &m.ServiceMonitor)
			checkName(&r, item.Template, "ServiceMonitor", m.GetName())
			continue
		}
		meta, ok := object.(named)
		if !ok {
			r.fail("%s: %s has no metadata", item.Template, kind)
			continue
		}
		kind = strings.TrimPrefix(kind, "*")
		id := kind + "/" + meta.GetName()
		if other, dup := seen[id]; dup {
			r.fail("%s: %s is also rendered by %s", item.Template, id, other)
		}
		seen[id] = item.Template
		checkName(&r, item.Template, kind, meta.GetName())
		if meta.GetNamespace() != "" {
			r.fail("%s: %s sets a namespace; the release's namespace applies", item.Template, id)
		}
		switch o := object.(type) {
		case *appsv1.Deployment:
			deployments = append(deployments, o)
		case *corev1.Service:
			services = append(services, o)
		case *corev1.ServiceAccount:
			serviceAccounts[o.Name] = o
		case *corev1.ConfigMap:
			configMaps[o.Name] = o
		case *autoscalingv2.HorizontalPodAutoscaler:
			hpas = append(hpas, o)
		case *policyv1.PodDisruptionBudget:
			pdbs = append(pdbs, o)
		case *networkingv1.NetworkPolicy:
			policies = append(policies, o)
		case *networkingv1.Ingress:
			ingresses = append(ingresses, o)
		case *batchv1.Job:
			jobs = append(jobs, o)
		case *corev1.Secret:
			r.fail("%s: renders Secret %s: secrets are referenced (secretKeyRef), never part of the chart", item.Template, o.Name)
		default:
			r.fail("%s: %s is a kind the checks do not know; add its checks to deploy/validate", item.Template, id)
		}
	}
	r.check("%d objects decoded strictly into their Kubernetes API types", len(rendered))

	// Deployments and the realm import Job: pods.
	componentOf := map[string]string{}
	for _, d := range deployments {
		where := "Deployment/" + d.Name
		componentOf[d.Name] = d.Spec.Template.Labels["app.kubernetes.io/component"]
		checkSelector(&r, where, d.Spec.Selector, d.Spec.Template.Labels)
		checkPod(&r, where, &d.Spec.Template.Spec, serviceAccounts, configMaps, true, d.Spec.Template.Labels["cycube.io/tier"] == "subgraph")
	}
	for _, j := range jobs {
		checkPod(&r, "Job/"+j.Name, &j.Spec.Template.Spec, serviceAccounts, configMaps, false, false)
	}
	r.check("%d Deployments and %d Jobs: probes, resources, non-root read-only containers, secrets by reference, no local-development switch %v", len(deployments), len(jobs), localDevelopmentSwitches)

	// Services select pods, on ports the pods have.
	for _, s := range services {
		where := "Service/" + s.Name
		if len(s.Spec.Selector) == 0 {
			r.fail("%s has no selector", where)
			continue
		}
		selected := podsSelectedBy(deployments, labels.SelectorFromSet(s.Spec.Selector))
		if len(selected) == 0 {
			r.fail("%s selects no pods (selector %v)", where, s.Spec.Selector)
			continue
		}
		for _, port := range s.Spec.Ports {
			for _, d := range selected {
				if !podHasPort(&d.Spec.Template.Spec, port.TargetPort) {
					r.fail("%s port %s: target port %s is not a port of Deployment/%s", where, port.Name, port.TargetPort.String(), d.Name)
				}
			}
		}
	}
	r.check("%d Services select pods and target their ports", len(services))

	checkRequiredSecrets(&r, deployments)

	// The Ingress publishes /graphql and /unsubscribe/ only; a subgraph it routes to (notification) may admit the
	// router's public peers (the ingress controller) on 8080, and must.
	routed := checkIngressPaths(&r, ingresses, services, deployments)
	routerPeers := publicPeers(policies, deploymentOf(deployments, "router"))
	checkChartTrustedProxies(&r, deployments, routerPeers)

	// Every subgraph of the supergraph and the router are deployed, reachable and fenced.
	components := []string{"router"}
	components = append(components, want.Subgraphs...)
	for _, component := range components {
		d := deploymentOf(deployments, component)
		if d == nil {
			r.fail("no Deployment for %s", component)
			continue
		}
		if serviceFor(services, d) == nil {
			r.fail("no Service for %s", component)
		}
		var ingressPeers []networkingv1.NetworkPolicyPeer
		if routed[component] {
			ingressPeers = routerPeers
			if len(routerPeers) == 0 {
				r.fail("%s: the Ingress routes to it, but the router admits everyone on 4000: set router.allowedFrom to the ingress controller, so that only it is admitted on %s's 8080", component, component)
			}
		}
		checkNetworkPolicy(&r, component, d, policies, deployments, ingressPeers)
	}
	r.check("router and subgraphs %v: Deployment, Service, NetworkPolicy (8080 from the router only, or also the router's public peers for a path the Ingress routes there; 9090 from monitoring only)", want.Subgraphs)
	checkWebConsole(&r, want, deployments, services, policies, ingresses, jobs, routerPeers)

	// The router reaches every subgraph through its Service.
	if router := deploymentOf(deployments, "router"); router != nil {
		env := map[string]string{}
		for _, e := range router.Spec.Template.Spec.Containers[0].Env {
			env[e.Name] = e.Value
		}
		for _, d := range deployments {
			component := componentOf[d.Name]
			if d.Spec.Template.Labels["cycube.io/tier"] != "subgraph" {
				continue
			}
			name := strings.ToUpper(strings.ReplaceAll(component, "-", "_")) + "_URL"
			service := serviceFor(services, d)
			if service == nil {
				continue
			}
			wantURL := fmt.Sprintf("http://%s:8080/graphql", service.Name)
			if env[name] != wantURL {
				r.fail("router: %s is %q, want %q", name, env[name], wantURL)
			}
			if !strings.Contains(want.RouterConfig, "from_env: "+name) {
				r.fail("router/router.config.prod.yaml: no override_subgraph_urls entry reads %s (subgraph %s)", name, component)
			}
		}
		r.check("router: a <NAME>_URL per subgraph Service, each read by router.config.prod.yaml")
	}

	// ConfigMaps carry the repository's files unchanged.
	checkConfigMapFile(&r, configMaps, "router.config.prod.yaml", want.RouterConfig)
	checkConfigMapFile(&r, configMaps, "supergraph.graphql", want.Supergraph)
	if want.ExpectRealmJob {
		checkConfigMapFile(&r, configMaps, "cycube-realm.json", want.Realm)
	}
	for _, cm := range configMaps {
		size := 0
		for key, value := range cm.Data {
			size += len(key) + len(value)
		}
		if size > 1<<20-16<<10 { // the API server refuses ConfigMaps over 1 MiB (with some room for metadata)
			r.fail("ConfigMap/%s: %d bytes of data, over the 1 MiB a ConfigMap may hold", cm.Name, size)
		}
		if realm := cm.Data["cycube-realm.json"]; devRealm.MatchString(realm) {
			r.fail("ConfigMap/%s: the realm holds the development overlay (the cycube-dev client or a user password): never deploy it", cm.Name)
		}
	}
	r.check("ConfigMaps: router config, supergraph and production realm equal to the repository's files")
	checkKeycloakClients(&r, deployments, jobs, configMaps)

	// Autoscalers and disruption budgets.
	minReplicas := map[string]int32{}
	for _, d := range deployments {
		minReplicas[d.Name] = 1
		if d.Spec.Replicas != nil {
			minReplicas[d.Name] = *d.Spec.Replicas
		}
	}
	for _, h := range hpas {
		where := "HorizontalPodAutoscaler/" + h.Name
		target := h.Spec.ScaleTargetRef
		d := deploymentNamed(deployments, target.Name)
		if target.Kind != "Deployment" || target.APIVersion != "apps/v1" || d == nil {
			r.fail("%s scales %s %s/%s, which is not rendered", where, target.APIVersion, target.Kind, target.Name)
			continue
		}
		if h.Spec.MinReplicas == nil || *h.Spec.MinReplicas < 1 || h.Spec.MaxReplicas < *h.Spec.MinReplicas {
			r.fail("%s: minReplicas must be set, at least 1 and not above maxReplicas %d", where, h.Spec.MaxReplicas)
		} else {
			minReplicas[d.Name] = *h.Spec.MinReplicas
		}
		if d.Spec.Replicas != nil {
			r.fail("%s: Deployment/%s also sets replicas, which would fight the autoscaler on every upgrade", where, d.Name)
		}
		cpu := false
		for _, m := range h.Spec.Metrics {
			cpu = cpu || (m.Type == autoscalingv2.ResourceMetricSourceType && m.Resource != nil && m.Resource.Name == corev1.ResourceCPU)
		}
		if !cpu {
			r.fail("%s has no CPU metric", where)
		}
		for _, c := range d.Spec.Template.Spec.Containers {
			if _, ok := c.Resources.Requests[corev1.ResourceCPU]; !ok {
				r.fail("%s: container %s of Deployment/%s has no CPU request, so CPU utilization is undefined", where, c.Name, d.Name)
			}
		}
	}
	for _, p := range pdbs {
		where := "PodDisruptionBudget/" + p.Name
		selector, err := metav1.LabelSelectorAsSelector(p.Spec.Selector)
		if err != nil || p.Spec.Selector == nil {
			r.fail("%s: bad selector: %v", where, err)
			continue
		}
		selected := podsSelectedBy(deployments, selector)
		if len(selected) == 0 {
			r.fail("%s selects no pods", where)
		}
		if p.Spec.MinAvailable == nil || p.Spec.MinAvailable.IntValue() != 1 {
			r.fail("%s: minAvailable must be 1", where)
		}
		for _, d := range selected {
			if minReplicas[d.Name] < 2 {
				r.fail("%s covers Deployment/%s, which may run a single pod: a drain would be blocked", where, d.Name)
			}
		}
	}
	pdbCount := 0
	for _, d := range deployments {
		if minReplicas[d.Name] > 1 {
			covered := false
			for _, p := range pdbs {
				selector, err := metav1.LabelSelectorAsSelector(p.Spec.Selector)
				covered = covered || (err == nil && selector.Matches(labels.Set(d.Spec.Template.Labels)))
			}
			if !covered {
				r.fail("Deployment/%s runs at least %d pods but has no PodDisruptionBudget", d.Name, minReplicas[d.Name])
			}
			pdbCount++
		}
	}
	if want.ExpectPDBs && pdbCount == 0 {
		r.fail("expected PodDisruptionBudgets with several replicas, none rendered")
	}
	r.check("%d HorizontalPodAutoscalers (CPU) and %d PodDisruptionBudgets (minAvailable 1 where more than one pod)", len(hpas), len(pdbs))

	// Ingress and ServiceMonitors point at rendered Services and ports.
	for _, in := range ingresses {
		for _, rule := range in.Spec.Rules {
			if rule.HTTP == nil {
				r.fail("Ingress/%s: a rule without http paths", in.Name)
				continue
			}
			for _, path := range rule.HTTP.Paths {
				checkBackend(&r, "Ingress/"+in.Name, path.Backend, services)
			}
		}
	}
	if want.ExpectIngress && len(ingresses) == 0 {
		r.fail("expected an Ingress for the router, none rendered")
	}
	for _, m := range monitors {
		where := "ServiceMonitor/" + m.Name
		selector, err := metav1.LabelSelectorAsSelector(&m.Spec.Selector)
		if err != nil {
			r.fail("%s: bad selector: %v", where, err)
			continue
		}
		var selected []*corev1.Service
		for _, s := range services {
			if selector.Matches(labels.Set(s.Labels)) {
				selected = append(selected, s)
			}
		}
		if len(selected) == 0 {
			r.fail("%s selects no Service", where)
		}
		for _, endpoint := range m.Spec.Endpoints {
			for _, s := range selected {
				if !serviceHasPort(s, endpoint.Port) {
					r.fail("%s: Service/%s has no port named %q", where, s.Name, endpoint.Port)
				}
				if endpoint.Port != "management" && endpoint.Port != "metrics" {
					r.fail("%s scrapes port %q: metrics are served on the management port only", where, endpoint.Port)
				}
			}
		}
	}
	if want.ExpectMonitors && len(monitors) == 0 {
		r.fail("expected ServiceMonitors, none rendered")
	}
	if want.ExpectRealmJob && len(jobs) == 0 {
		r.fail("expected the realm import Job, none rendered")
	}
	r.check("%d Ingresses and %d ServiceMonitors reach rendered Services by port name", len(ingresses), len(monitors))
	return r
}

func checkName(r *Report, template, kind, name string) {
	if name == "" {
		r.fail("%s: %s without a name", template, kind)
		return
	}
	for _, msg := range validation.IsDNS1123Subdomain(name) {
		r.fail("%s: %s name %q: %s", template, kind, name, msg)
	}
	if kind == "v1.Service" || kind == "Service" {
		for _, msg := range validation.IsDNS1035Label(name) {
			r.fail("%s: Service name %q: %s", template, name, msg)
		}
	}
}

func checkSelector(r *Report, where string, selector *metav1.LabelSelector, podLabels map[string]string) {
	s, err := metav1.LabelSelectorAsSelector(selector)
	if err != nil || selector == nil || s.Empty() {
		r.fail("%s: missing or bad selector (%v)", where, err)
		return
	}
	if !s.Matches(labels.Set(podLabels)) {
		r.fail("%s: its selector does not match its own pod template's labels", where)
	}
}

// checkPod: what every CyCube pod must have. Long-running pods (Deployments) also need probes; subgraphs probe the
// management port.
func checkPod(r *Report, where string, pod *corev1.PodSpec, accounts map[string]*corev1.ServiceAccount,
	configMaps map[string]*corev1.ConfigMap, serving, subgraph bool) {
	if pod.AutomountServiceAccountToken == nil || *pod.AutomountServiceAccountToken {
		r.fail("%s: automountServiceAccountToken must be false", where)
	}
	if serving {
		account, ok := accounts[pod.ServiceAccountName]
		if pod.ServiceAccountName == "" || !ok {
			r.fail("%s: its ServiceAccount %q is not rendered", where, pod.ServiceAccountName)
		} else if account.AutomountServiceAccountToken == nil || *account.AutomountServiceAccountToken {
			r.fail("ServiceAccount/%s: automountServiceAccountToken must be false", account.Name)
		}
	}
	podNonRoot := pod.SecurityContext != nil && pod.SecurityContext.RunAsNonRoot != nil && *pod.SecurityContext.RunAsNonRoot
	podUser := pod.SecurityContext != nil && pod.SecurityContext.RunAsUser != nil && *pod.SecurityContext.RunAsUser != 0
	volumes := map[string]corev1.Volume{}
	for _, v := range pod.Volumes {
		volumes[v.Name] = v
		if v.ConfigMap != nil {
			if _, ok := configMaps[v.ConfigMap.Name]; !ok {
				r.fail("%s: volume %s mounts ConfigMap %s, which is not rendered", where, v.Name, v.ConfigMap.Name)
			}
		}
	}
	if len(pod.Containers) == 0 {
		r.fail("%s has no container", where)
	}
	for _, c := range append(append([]corev1.Container{}, pod.InitContainers...), pod.Containers...) {
		at := fmt.Sprintf("%s container %s", where, c.Name)
		if c.Image == "" || strings.HasSuffix(c.Image, ":") || strings.HasSuffix(c.Image, ":latest") {
			r.fail("%s: image %q must name a fixed tag", at, c.Image)
		}
		sc := c.SecurityContext
		if sc == nil {
			r.fail("%s: no securityContext", at)
		} else {
			if !podNonRoot && (sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot) {
				r.fail("%s: runAsNonRoot is not set", at)
			}
			if !podUser && (sc.RunAsUser == nil || *sc.RunAsUser == 0) {
				r.fail("%s: no numeric non-root runAsUser (the kubelet cannot verify a named user)", at)
			}
			if sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
				r.fail("%s: readOnlyRootFilesystem must be true", at)
			}
			if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
				r.fail("%s: allowPrivilegeEscalation must be false", at)
			}
			if sc.Capabilities == nil || len(sc.Capabilities.Add) > 0 || !containsCapability(sc.Capabilities.Drop, "ALL") {
				r.fail("%s: capabilities must drop ALL and add none", at)
			}
		}
		tmp := false
		for _, m := range c.VolumeMounts {
			v, ok := volumes[m.Name]
			if !ok {
				r.fail("%s: mounts volume %s, which the pod does not have", at, m.Name)
			}
			tmp = tmp || (m.MountPath == "/tmp" && ok && v.EmptyDir != nil)
		}
		if !tmp {
			r.fail("%s: no emptyDir at /tmp (the root file system is read-only)", at)
		}
		requests, limits := c.Resources.Requests, c.Resources.Limits
		if _, ok := requests[corev1.ResourceCPU]; !ok {
			r.fail("%s: no CPU request", at)
		}
		if _, ok := requests[corev1.ResourceMemory]; !ok {
			r.fail("%s: no memory request", at)
		}
		if _, ok := limits[corev1.ResourceMemory]; !ok {
			r.fail("%s: no memory limit", at)
		} else if req, ok := requests[corev1.ResourceMemory]; ok && limits.Memory().Cmp(req) < 0 {
			r.fail("%s: memory limit below the request", at)
		}
		if serving {
			checkProbe(r, at, "readinessProbe", c.ReadinessProbe, pod, subgraph)
			checkProbe(r, at, "livenessProbe", c.LivenessProbe, pod, subgraph)
			if c.StartupProbe != nil {
				checkProbe(r, at, "startupProbe", c.StartupProbe, pod, subgraph)
			}
		}
		for _, arg := range append(append([]string{}, c.Command...), c.Args...) {
			if on := localDevelopmentSwitch("args", arg, false); on != "" {
				r.fail("%s: turns on %s, a local-development switch (never in a deployment)", at, on)
			}
		}
		for _, e := range c.Env {
			if on := localDevelopmentSwitch(e.Name, e.Value, e.ValueFrom != nil); on != "" {
				r.fail("%s: %s turns on %s, a local-development switch (never in a deployment)", at, e.Name, on)
			}
			if e.ValueFrom == nil && secretLike.MatchString(e.Name) {
				r.fail("%s: %s is a literal value: a secret must come from a Secret (secretKeyRef)", at, e.Name)
			}
			if e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil && (e.ValueFrom.SecretKeyRef.Name == "" || e.ValueFrom.SecretKeyRef.Key == "") {
				r.fail("%s: %s refers to a Secret without name or key", at, e.Name)
			}
			if e.ValueFrom == nil && strings.Contains(e.Value, "://") && strings.Contains(e.Value, "@") &&
				!strings.Contains(e.Value, "$(") {
				r.fail("%s: %s carries credentials in a URL literally", at, e.Name)
			}
		}
	}
}

func checkProbe(r *Report, at, which string, probe *corev1.Probe, pod *corev1.PodSpec, subgraph bool) {
	if probe == nil {
		r.fail("%s: no %s", at, which)
		return
	}
	if probe.HTTPGet == nil {
		if probe.TCPSocket == nil && probe.Exec == nil && probe.GRPC == nil {
			r.fail("%s: %s has no handler", at, which)
		}
		return
	}
	if !podHasPort(pod, probe.HTTPGet.Port) {
		r.fail("%s: %s port %s is not a container port", at, which, probe.HTTPGet.Port.String())
	}
	if subgraph {
		port := probe.HTTPGet.Port
		if !(port.StrVal == "management" || port.IntValue() == 9090) || !strings.HasPrefix(probe.HTTPGet.Path, "/actuator/health") {
			r.fail("%s: %s must ask the management port 9090 for /actuator/health/..., not %s %s", at, which, port.String(), probe.HTTPGet.Path)
		}
	}
}

func containsCapability(list []corev1.Capability, want string) bool {
	for _, c := range list {
		if string(c) == want {
			return true
		}
	}
	return false
}

func podHasPort(pod *corev1.PodSpec, port intstr.IntOrString) bool {
	for _, c := range pod.Containers {
		for _, p := range c.Ports {
			if (port.Type == intstr.String && p.Name == port.StrVal) || (port.Type == intstr.Int && p.ContainerPort == port.IntVal) {
				return true
			}
		}
	}
	return false
}

func serviceHasPort(s *corev1.Service, name string) bool {
	for _, p := range s.Spec.Ports {
		if p.Name == name {
			return true
		}
	}
	return false
}

func podsSelectedBy(deployments []*appsv1.Deployment, selector labels.Selector) []*appsv1.Deployment {
	var selected []*appsv1.Deployment
	for _, d := range deployments {
		if !selector.Empty() && selector.Matches(labels.Set(d.Spec.Template.Labels)) {
			selected = append(selected, d)
		}
	}
	return selected
}

func deploymentOf(deployments []*appsv1.Deployment, component string) *appsv1.Deployment {
	for _, d := range deployments {
		if d.Spec.Template.Labels["app.kubernetes.io/component"] == component {
			return d
		}
	}
	return nil
}

func deploymentNamed(deployments []*appsv1.Deployment, name string) *appsv1.Deployment {
	for _, d := range deployments {
		if d.Name == name {
			return d
		}
	}
	return nil
}

func serviceFor(services []*corev1.Service, d *appsv1.Deployment) *corev1.Service {
	for _, s := range services {
		if len(s.Spec.Selector) > 0 && labels.SelectorFromSet(s.Spec.Selector).Matches(labels.Set(d.Spec.Template.Labels)) {
			return s
		}
	}
	return nil
}

// checkNetworkPolicy: a component's pods are selected by a NetworkPolicy whose ingress admits the public port only
// from the router's pods (subgraphs; the router: from anywhere or what router.allowedFrom says), and the management
// port 9090 only from a namespace selector. ingressPeers: for a subgraph the Ingress routes a path to, the router's
// public peers (the ingress controller), which its public port must admit too, and nobody else.
func checkNetworkPolicy(r *Report, component string, d *appsv1.Deployment, policies []*networkingv1.NetworkPolicy,
	deployments []*appsv1.Deployment, ingressPeers []networkingv1.NetworkPolicyPeer) {
	selecting := selectingPolicies(policies, d)
	if len(selecting) == 0 {
		r.fail("%s: no NetworkPolicy selects its pods", component)
		return
	}
	router := deploymentOf(deployments, "router")
	publicPort := int32(8080)
	if component == "router" {
		publicPort = 4000
	}
	admitted := make([]bool, len(ingressPeers))
	for _, p := range selecting {
		where := fmt.Sprintf("NetworkPolicy/%s (%s)", p.Name, component)
		ingressType := false
		for _, t := range p.Spec.PolicyTypes {
			ingressType = ingressType || t == networkingv1.PolicyTypeIngress
		}
		if !ingressType {
			r.fail("%s: policyTypes lacks Ingress", where)
		}
		for _, rule := range p.Spec.Ingress {
			if len(rule.Ports) == 0 {
				r.fail("%s: a rule admits every port", where)
			}
			for _, port := range rule.Ports {
				if port.Port == nil {
					r.fail("%s: a rule admits a port range without a port", where)
					continue
				}
				number := port.Port.IntValue()
				switch {
				case number == 9090:
					if len(rule.From) == 0 {
						r.fail("%s: the management port 9090 is open to everyone", where)
					}
					for _, peer := range rule.From {
						if peer.NamespaceSelector == nil || peer.IPBlock != nil {
							r.fail("%s: the management port 9090 admits a peer that is not a namespace selector", where)
						}
					}
				case number == int(publicPort) && component != "router":
					if len(rule.From) == 0 {
						r.fail("%s: port %d is open to everyone, not only to the router", where, publicPort)
					}
					for _, peer := range rule.From {
						ingressPeer := false
						for i := range ingressPeers {
							if equality.Semantic.DeepEqual(ingressPeers[i], peer) {
								admitted[i], ingressPeer = true, true
							}
						}
						if ingressPeer {
							continue
						}
						if peer.PodSelector == nil || peer.NamespaceSelector != nil || peer.IPBlock != nil || router == nil {
							r.fail("%s: port %d admits a peer that is not the router's pods", where, publicPort)
							continue
						}
						selector, err := metav1.LabelSelectorAsSelector(peer.PodSelector)
						if err != nil || selector.Empty() || !selector.Matches(labels.Set(router.Spec.Template.Labels)) {
							r.fail("%s: port %d's pod selector does not select the router", where, publicPort)
						}
						for _, other := range deployments {
							if other != router && selector.Matches(labels.Set(other.Spec.Template.Labels)) {
								r.fail("%s: port %d's pod selector also admits Deployment/%s", where, publicPort, other.Name)
							}
						}
					}
				case number == int(publicPort):
				default:
					r.fail("%s: admits port %d, which the component does not serve", where, number)
				}
			}
		}
	}
	for i, ok := range admitted {
		if !ok {
			r.fail("%s: the Ingress routes to it, but no NetworkPolicy admits the router's public peer %d (router.allowedFrom, the ingress controller) on port %d", component, i+1, publicPort)
		}
	}
}

func selectingPolicies(policies []*networkingv1.NetworkPolicy, d *appsv1.Deployment) []*networkingv1.NetworkPolicy {
	var selecting []*networkingv1.NetworkPolicy
	for _, p := range policies {
		selector, err := metav1.LabelSelectorAsSelector(&p.Spec.PodSelector)
		if err == nil && !selector.Empty() && selector.Matches(labels.Set(d.Spec.Template.Labels)) {
			selecting = append(selecting, p)
		}
	}
	return selecting
}

func checkBackend(r *Report, where string, backend networkingv1.IngressBackend, services []*corev1.Service) {
	if backend.Service == nil {
		r.fail("%s: a backend that is not a Service", where)
		return
	}
	for _, s := range services {
		if s.Name == backend.Service.Name {
			if backend.Service.Port.Name != "" && !serviceHasPort(s, backend.Service.Port.Name) {
				r.fail("%s: Service/%s has no port %q", where, s.Name, backend.Service.Port.Name)
			}
			return
		}
	}
	r.fail("%s: backend Service %s is not rendered", where, backend.Service.Name)
}

func checkConfigMapFile(r *Report, configMaps map[string]*corev1.ConfigMap, key, want string) {
	names := make([]string, 0, len(configMaps))
	for name := range configMaps {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if got, ok := configMaps[name].Data[key]; ok {
			if strings.TrimRight(got, "\n") != strings.TrimRight(want, "\n") {
				r.fail("ConfigMap/%s: %s differs from the repository's file", name, key)
			}
			return
		}
	}
	r.fail("no ConfigMap carries %s", key)
}

// subgraphNames reads the subgraphs of the supergraph from schema/subgraphs.json.
func subgraphNames(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var file struct {
		Subgraphs []struct {
			Name string `json:"name"`
		} `json:"subgraphs"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, err
	}
	var names []string
	for _, s := range file.Subgraphs {
		names = append(names, s.Name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no subgraphs listed")
	}
	return names, nil
}
