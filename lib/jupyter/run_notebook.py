"""Runs a notebook headless on a Jupyter kernel and writes it with its outputs.

What `jupyter nbconvert --to notebook --execute` does, with nbclient (the executor nbconvert itself uses)
and nothing else: nbclient imports in a fraction of nbconvert's time, which comes before the kernel starts.
Cells that fail keep their error as output (allow_errors); lib/jupyter/execute.ts judges the result.

    python3 run_notebook.py INPUT OUTPUT --kernel tslab --timeout 180 --startup-timeout 60 [--trust]
"""

import argparse
import os
import re

import nbformat
from nbclient import NotebookClient


# a line that a carriage return sends back to its start, up to what overwrites it
OVERWRITTEN = re.compile(r".*\r(?=[^\n])")


def coalesce_streams(cell):
    """One stream output per run of stdout (or stderr) writes, as nbconvert's coalesce_streams makes it:
    a cell that prints twice shows one block. (Importing nbconvert for it would cost the time saved.)"""
    merged = []
    for output in cell.get("outputs", []):
        last = merged[-1] if merged else None
        if output.output_type == "stream" and last and last.output_type == "stream" and last.name == output.name:
            last.text += output.text
        else:
            merged.append(output)
    for output in merged:
        if output.output_type == "stream" and "\r" in output.text:
            output.text = OVERWRITTEN.sub("", output.text)
    cell.outputs = merged


def finish_cell(cell, cell_index, execute_reply):
    coalesce_streams(cell)
    # nbclient numbers a cell only from the iopub messages that carry a count (execute_input,
    # execute_result); tslab sends neither, its count is in the execute_reply alone.
    count = execute_reply["content"].get("execution_count")
    if count is not None:
        cell["execution_count"] = count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--timeout", type=int, required=True, help="seconds a cell may run")
    parser.add_argument("--startup-timeout", type=int, required=True, help="seconds the kernel may take to start")
    parser.add_argument("--trust", action="store_true", help="sign the result, as `jupyter trust` does")
    args = parser.parse_args()

    notebook = nbformat.read(args.input, as_version=4)
    NotebookClient(
        notebook,
        kernel_name=args.kernel,
        timeout=args.timeout,
        startup_timeout=args.startup_timeout,
        allow_errors=True,
        # no per-cell timestamps: the committed notebook changes only when its outputs do
        record_timing=False,
        # the kernel starts in the notebook's folder: tslab's rootDir, from which cells import ../dist
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.input))}},
        on_cell_executed=finish_cell,
    ).execute()
    if args.trust:
        from nbformat.sign import NotebookNotary

        NotebookNotary().sign(notebook)
    nbformat.write(notebook, args.output)


if __name__ == "__main__":
    main()
