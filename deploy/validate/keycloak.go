package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/types"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"
)

// The subgraphs that call Keycloak's admin REST API as a confidential client of the realm (keycloak/README.md): the
// variable with Keycloak's address, the variable with the client's secret, and the realm placeholder Keycloak fills
// that client's secret from at import. The two secrets must be one value: otherwise Keycloak refuses the client.
var keycloakClients = []struct{ Subgraph, BaseURL, Secret, Placeholder string }{
	{"identity", "CYCUBE_KEYCLOAK_ADMIN_BASE_URL", "CYCUBE_KEYCLOAK_ADMIN_CLIENT_SECRET", "CYCUBE_IDENTITY_ADMIN_CLIENT_SECRET"},
	{"audit", "CYCUBE_AUDIT_KEYCLOAK_BASE_URL", "CYCUBE_AUDIT_KEYCLOAK_CLIENT_SECRET", "CYCUBE_AUDIT_READER_CLIENT_SECRET"},
}

// optionalRealmPlaceholders: placeholders of the production realm that may stay blank (identity providers not used).
// Every other placeholder is required: Keycloak leaves an unset one as literal text (a client secret "${...}").
var optionalRealmPlaceholders = map[string]bool{"GOOGLE_CLIENT_ID": true, "GOOGLE_CLIENT_SECRET": true, "LDAP_BIND_CREDENTIAL": true}

// composeRealmVariable: the host variable of compose.yaml that feeds a required realm placeholder in the keycloak
// service when its name differs from the placeholder's (the same variable the client's subgraph gets).
var composeRealmVariable = map[string]string{
	"CYCUBE_IDENTITY_ADMIN_CLIENT_SECRET": "IDENTITY_ADMIN_CLIENT_SECRET",
	"CYCUBE_AUDIT_READER_CLIENT_SECRET":   "AUDIT_READER_CLIENT_SECRET",
}

var realmPlaceholder = regexp.MustCompile(`\$\{([A-Z][A-Z0-9_]*)\}`)

// realmPlaceholders: the ${NAME} placeholders of a realm file, sorted, each once.
func realmPlaceholders(realm string) []string {
	seen := map[string]bool{}
	var names []string
	for _, m := range realmPlaceholder.FindAllStringSubmatch(realm, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			names = append(names, m[1])
		}
	}
	sort.Strings(names)
	return names
}

// checkComposeKeycloak: the keycloak service gets every placeholder of keycloak/cycube-realm.json (the required ones
// from required variables), and each admin-API client subgraph reaches the keycloak service with the very secret
// Keycloak imports for its client.
func checkComposeKeycloak(r *Report, root string, project *types.Project, subgraphs []string) {
	data, err := os.ReadFile(filepath.Join(root, "keycloak", "cycube-realm.json"))
	if err != nil {
		r.fail("keycloak/cycube-realm.json: %v", err)
		return
	}
	keycloak, err := project.GetService("keycloak")
	if err != nil {
		r.fail("no service keycloak")
		return
	}
	standIn := standInEnv()
	raw := rawComposeEnvironment(r, root)
	placeholders := realmPlaceholders(string(data))
	for _, name := range placeholders {
		v, set := keycloak.Environment[name]
		switch {
		case !set:
			r.fail("keycloak: %s (a placeholder of keycloak/cycube-realm.json) is not in its environment: it would be imported as the text ${%s}", name, name)
		case optionalRealmPlaceholders[name]:
		default:
			variable := name
			if other, ok := composeRealmVariable[name]; ok {
				variable = other
			}
			if _, required := standIn[variable]; !required {
				r.fail("keycloak: %s must come from a required variable (${%s:?...}), and %s is not in the validator's list of them", name, variable, variable)
			} else if v == nil || *v != standIn[variable] || !requiredReference(raw["keycloak"][name], variable) {
				r.fail("keycloak: %s must be the required variable ${%s:?...}", name, variable)
			}
		}
	}
	r.check("keycloak: every realm placeholder %v in its environment, the required ones from required variables", placeholders)

	deployed := map[string]bool{}
	for _, name := range subgraphs {
		deployed[name] = true
	}
	var clients []string
	for _, c := range keycloakClients {
		if !deployed[c.Subgraph] {
			continue
		}
		s, err := project.GetService(c.Subgraph)
		if err != nil {
			continue // CheckCompose reports the missing service
		}
		if v := s.Environment[c.BaseURL]; v == nil || *v != "http://keycloak:8080" {
			r.fail("%s: %s must be http://keycloak:8080 (the keycloak service on this network)", c.Subgraph, c.BaseURL)
		}
		secret, placeholder := s.Environment[c.Secret], keycloak.Environment[c.Placeholder]
		if secret == nil || placeholder == nil || *secret == "" || *secret != *placeholder ||
			raw[c.Subgraph][c.Secret] != raw["keycloak"][c.Placeholder] {
			r.fail("%s: %s must be the value keycloak imports as %s (the same variable)", c.Subgraph, c.Secret, c.Placeholder)
		}
		clients = append(clients, c.Subgraph+" "+c.Secret+" = keycloak "+c.Placeholder)
	}
	r.check("Keycloak admin-API clients reach http://keycloak:8080 with the secret Keycloak imports: %s", strings.Join(clients, ", "))
}

// checkKeycloakClients: each deployed admin-API client subgraph has Keycloak's address, and when the realm import Job
// is rendered, it fills in every placeholder of the realm it imports (its script's loop and its environment, the
// required ones from Secrets that are not optional, or a literal for a non-secret), and each client's placeholder
// comes from the very Secret key its subgraph reads.
func checkKeycloakClients(r *Report, deployments []*appsv1.Deployment, jobs []*batchv1.Job, configMaps map[string]*corev1.ConfigMap) {
	for _, c := range keycloakClients {
		d := deploymentOf(deployments, c.Subgraph)
		if d == nil {
			continue
		}
		e := containerEnv(d, c.BaseURL)
		if e == nil || e.ValueFrom != nil {
			r.fail("Deployment/%s: %s is missing: without Keycloak's address %s does not call Keycloak", d.Name, c.BaseURL, c.Subgraph)
		} else if u, err := url.Parse(e.Value); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			r.fail("Deployment/%s: %s is %q, not an http(s) URL", d.Name, c.BaseURL, e.Value)
		}
	}
	r.check("Keycloak's admin address set for the clients of its admin API (%s)", keycloakClientNames())

	for _, j := range jobs {
		where := "Job/" + j.Name
		var realm string
		for _, v := range j.Spec.Template.Spec.Volumes {
			if v.ConfigMap != nil {
				if cm := configMaps[v.ConfigMap.Name]; cm != nil {
					realm += cm.Data["cycube-realm.json"]
				}
			}
		}
		if realm == "" {
			continue
		}
		placeholders := realmPlaceholders(realm)
		for _, container := range j.Spec.Template.Spec.Containers {
			script := strings.Join(append(append([]string{}, container.Command...), container.Args...), "\n")
			loop := regexp.MustCompile(`for name in ([A-Z0-9_ ]+);`).FindStringSubmatch(script)
			filled := map[string]bool{}
			if loop == nil {
				r.fail("%s: no `for name in ...;` loop filling in the realm's placeholders", where)
			} else {
				for _, name := range strings.Fields(loop[1]) {
					filled[name] = true
				}
			}
			env := map[string]*corev1.EnvVar{}
			for i := range container.Env {
				env[container.Env[i].Name] = &container.Env[i]
			}
			for _, name := range placeholders {
				if loop != nil && !filled[name] {
					r.fail("%s: the realm's placeholder %s is not in the loop that fills them in: it would be imported as the text ${%s}", where, name, name)
				}
				e := env[name]
				switch {
				case e == nil:
					r.fail("%s: the realm's placeholder %s is not in its environment", where, name)
				case optionalRealmPlaceholders[name]:
				case e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil:
					if o := e.ValueFrom.SecretKeyRef.Optional; o != nil && *o {
						r.fail("%s: %s must come from a Secret that is not optional (the realm needs it)", where, name)
					}
				case e.ValueFrom == nil && e.Value != "" && !secretLike.MatchString(name):
				default:
					r.fail("%s: %s must come from a Secret (secretKeyRef)", where, name)
				}
			}
			for _, c := range keycloakClients {
				d := deploymentOf(deployments, c.Subgraph)
				if d == nil {
					continue
				}
				ours, theirs := env[c.Placeholder], containerEnv(d, c.Secret)
				if ours == nil || theirs == nil || ours.ValueFrom == nil || theirs.ValueFrom == nil ||
					ours.ValueFrom.SecretKeyRef == nil || theirs.ValueFrom.SecretKeyRef == nil ||
					ours.ValueFrom.SecretKeyRef.Name != theirs.ValueFrom.SecretKeyRef.Name ||
					ours.ValueFrom.SecretKeyRef.Key != theirs.ValueFrom.SecretKeyRef.Key {
					r.fail("%s: %s must come from the Secret key Deployment/%s reads as %s (%s), or Keycloak refuses the client", where,
						c.Placeholder, d.Name, c.Secret, secretKeyOf(theirs))
				}
			}
		}
		r.check("%s fills in every placeholder of the realm it imports %v; client secrets from the Secret keys their subgraphs read", where, placeholders)
	}
}

// rawComposeEnvironment: compose.yaml's environment mappings as written (before interpolation), by service; the
// loaded project only shows values, so a default (${X:-...}) where ${X:?...} is wanted looks right with X set.
func rawComposeEnvironment(r *Report, root string) map[string]map[string]string {
	data, err := os.ReadFile(filepath.Join(root, "compose.yaml"))
	if err != nil {
		r.fail("%v", err)
		return nil
	}
	var file struct {
		Services map[string]struct {
			Environment map[string]any `json:"environment"`
		} `json:"services"`
	}
	if err := yaml.Unmarshal(data, &file); err != nil {
		r.fail("compose.yaml as written: %v", err)
		return nil
	}
	raw := map[string]map[string]string{}
	for name, s := range file.Services {
		raw[name] = map[string]string{}
		for key, value := range s.Environment {
			raw[name][key] = fmt.Sprint(value)
		}
	}
	return raw
}

// requiredReference: a value written as ${variable:?...} (or ${variable?...}), nothing around it.
func requiredReference(value, variable string) bool {
	return regexp.MustCompile(`^\$\{` + regexp.QuoteMeta(variable) + `:?\?[^}]*\}$`).MatchString(value)
}

func keycloakClientNames() string {
	var names []string
	for _, c := range keycloakClients {
		names = append(names, c.Subgraph+" "+c.BaseURL)
	}
	return strings.Join(names, ", ")
}

func secretKeyOf(e *corev1.EnvVar) string {
	if e == nil || e.ValueFrom == nil || e.ValueFrom.SecretKeyRef == nil {
		return "none"
	}
	return fmt.Sprintf("Secret %s key %s", e.ValueFrom.SecretKeyRef.Name, e.ValueFrom.SecretKeyRef.Key)
}
