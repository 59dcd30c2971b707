#!/usr/bin/env python3
"""Extracts the part of the Pulumi AWS provider schema that the program validator needs.

Usage: infra/aws/schema/extract.py FULL_SCHEMA.json [PROGRAM.yaml] > infra/aws/schema/pulumi-aws-7.48.0.json

FULL_SCHEMA.json is the provider's resource types as extracted from the published @pulumi/aws 7.48.0
package (see NOTICE.md). Kept: the header (provider, version, source, notes), every resource type and
function the program names (full token or YAML shorthand), the extra types below, every nested type
reachable from their inputs and arguments, and the provider's config keys. Entries are copied as they
are (descriptions included); nothing is edited. Python 3 standard library only.
"""
import json
import re
import sys
from pathlib import Path

# Not in the program, kept so the validator's checks have real cases to find:
# BucketV2 is deprecated in 7.x (Bucket replaced it); a test swaps it in and expects the deprecation error.
EXTRA_RESOURCES = ["aws:s3/bucketV2:BucketV2"]

HEADER = ["provider", "providerVersion", "source", "yamlTypeTokenNote", "notes"]


def tokens_named(program_text):
    """Every 'type: aws:...' and 'function: aws:...' value in the program."""
    resources = set(re.findall(r"^\s*(?:-\s*)?type:\s*[\"']?(aws:[A-Za-z0-9/:_.-]+)", program_text, re.M))
    functions = set(re.findall(r"^\s*function:\s*[\"']?(aws:[A-Za-z0-9/:_.-]+)", program_text, re.M))
    return resources, functions


def resolve(name, entries, shorthand_key):
    """The schema token for a full token or a YAML shorthand, case-insensitively, as pulumi-yaml resolves it."""
    for token, entry in entries.items():
        if token.lower() == name.lower() or (entry.get(shorthand_key) or "").lower() == name.lower():
            return token
    sys.exit(f"extract: '{name}' is not in the full schema")


def refs(value):
    """Every nested type token referenced anywhere inside a JSON value."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "ref" and isinstance(inner, str):
                yield inner
            else:
                yield from refs(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from refs(inner)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    full = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    program = Path(sys.argv[2] if len(sys.argv) > 2 else Path(__file__).resolve().parent.parent / "Pulumi.yaml")
    resource_names, function_names = tokens_named(program.read_text(encoding="utf-8"))

    resources = sorted({resolve(n, full["resources"], "yamlTypeShorthand") for n in resource_names | set(EXTRA_RESOURCES)})
    functions = sorted({resolve(n, full["functions"], "yamlShorthand") for n in function_names})

    types, pending = set(), [t for r in resources for t in refs(full["resources"][r].get("inputs", {}))]
    pending += [t for f in functions for t in refs(full["functions"][f].get("args", {}))]
    while pending:
        token = pending.pop()
        if token in types:
            continue
        if token not in full["types"]:
            # The full schema leaves a few function argument types out (getAvailabilityZones' filter);
            # the validator does not descend into a type it does not know, so the subset does the same.
            print(f"extract: nested type '{token}' is not in the full schema; left out", file=sys.stderr)
            continue
        types.add(token)
        pending.extend(refs(full["types"][token]))

    subset = {key: full[key] for key in HEADER if key in full}
    subset["subset"] = (
        f"Only the {len(resources)} resource types and {len(functions)} functions infra/aws/Pulumi.yaml names "
        f"(plus {', '.join(EXTRA_RESOURCES)}), their {len(types)} nested types, and the provider config keys; "
        "made by infra/aws/schema/extract.py."
    )
    subset["resources"] = {r: full["resources"][r] for r in resources}
    subset["types"] = {t: full["types"][t] for t in sorted(types)}
    subset["functions"] = {f: full["functions"][f] for f in functions}
    subset["providerConfig"] = full["providerConfig"]
    json.dump(subset, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
