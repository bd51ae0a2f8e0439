#!/usr/bin/env python3
"""Copies AWS service models into the project without their documentation strings.

The models are published for the AWS SDKs under the Apache License 2.0 (see NOTICE). Mailroom needs
only their structure: operations, shapes, traits. Usage:

    strip-models.py SOURCE.json TARGET.json
"""
import json
import sys

DROP = {"documentation", "documentationUrl", "deprecatedMessage", "examples"}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in DROP}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def main(source, target):
    with open(source, encoding="utf-8") as f:
        model = json.load(f)
    with open(target, "w", encoding="utf-8") as f:
        json.dump(strip(model), f, separators=(",", ":"), sort_keys=False)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
