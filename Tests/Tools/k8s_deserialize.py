"""Deserializes every Kubernetes object of the YAML files named on the command line into the model class of
the official Kubernetes Python client (package `kubernetes`), as a client reading them from the API would.

A model rejects a missing required field (a Deployment without `spec.selector`, a container without
`name`), so a fixture that no real client accepts fails here. Not checked: kinds listed in NO_MODEL (custom
resources, which the client has no model for) and documents marked `config.kubernetes.io/local-config: "true"`
(kpt's and kustomize's mark for a document that is not a resource, such as a patch). Any other kind without
a model is a failure, so that a typo in `kind` or `apiVersion` cannot pass unchecked. `kind: List` is checked
item by item.

Prints one line per failure and `checked N objects, skipped M` at the end; exit status 1 on any failure.
"""

import sys

import yaml
from kubernetes import client

# Custom resources and tool configurations: the Python client has no model for them.
NO_MODEL = {
    ("config.openservicemesh.io", "MeshConfig"),
    ("apps.openshift.io", "DeploymentConfig"),
    ("argoproj.io", "Rollout"),
    ("argoproj.io", "ConfigManagementPlugin"),
    ("config.kubernetes.io", "ResourceList"),
    ("osm-inject.openservicemesh.io", "InjectorConfig"),
}


def model_name(api_version, kind):
    """`apps/v1` + `Deployment` → `V1Deployment`, the client's class name."""
    version = api_version.rsplit("/", 1)[-1]
    return version[:1].upper() + version[1:] + kind


def check(obj, where, api, counts, failures):
    if not isinstance(obj, dict) or "kind" not in obj:
        return  # not a Kubernetes object (a bare value, a document without kind): nothing claims a model
    kind, api_version = obj.get("kind"), obj.get("apiVersion", "")
    if kind == "List" and api_version == "v1":
        for index, item in enumerate(obj.get("items") or []):
            check(item, f"{where} items[{index}]", api, counts, failures)
        counts["checked"] += 1
        return
    annotations = (obj.get("metadata") or {}).get("annotations") or {}
    if str(annotations.get("config.kubernetes.io/local-config", "")).lower() == "true":
        counts["skipped"] += 1
        return
    group = api_version.rsplit("/", 1)[0] if "/" in api_version else ""
    if (group, kind) in NO_MODEL:
        counts["skipped"] += 1
        return
    name = model_name(api_version, kind)
    if not hasattr(client, name):
        failures.append(f"{where}: {api_version} {kind}: the Kubernetes client has no model {name}")
        return
    try:
        api._ApiClient__deserialize(obj, name)
    except (ValueError, TypeError) as error:
        failures.append(f"{where}: {kind} {obj.get('metadata', {}).get('name', '')!r}: {error}")
        return
    counts["checked"] += 1


def main(paths):
    api = client.ApiClient()
    counts = {"checked": 0, "skipped": 0}
    failures = []
    for path in paths:
        with open(path, encoding="utf-8") as file:
            try:
                documents = list(yaml.safe_load_all(file))
            except yaml.YAMLError as error:
                failures.append(f"{path}: not YAML: {error}")
                continue
        for index, document in enumerate(documents):
            check(document, f"{path} document {index + 1}", api, counts, failures)
    for failure in failures:
        print(failure)
    print(f"checked {counts['checked']} objects, skipped {counts['skipped']}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
