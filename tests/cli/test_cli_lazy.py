"""The command line loads a command's module only when that command is asked for."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from importlib import import_module

import click
from click.testing import CliRunner

import termguard.cli
from termguard.cli import COMMANDS, main


def _modules_after(args: list[str]) -> list[str]:
    program = (
        "import json, sys\n"
        "from termguard.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('termguard', 'yaml', 'babel')))))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_the_table_names_every_command_of_every_module():
    for info in pkgutil.iter_modules(termguard.cli.__path__):
        import_module(f"termguard.cli.{info.name}")
    assert set(main.commands) == set(COMMANDS)
    for name, (modules, _summary) in COMMANDS.items():
        command = main.commands[name]
        assert command.callback is None or command.callback.__module__ in {f"termguard.cli.{m}" for m in modules}


def test_the_listing_without_imports_is_the_listing_with_them():
    """The sentences in `COMMANDS` are the commands' own: `--help` reads the same whether
    the command modules are loaded or not."""
    for name, (_modules, summary) in COMMANDS.items():
        assert click.Command(name, help=summary).get_short_help_str(10**6) == summary
    program = ("from click.testing import CliRunner\nfrom termguard.cli import main\n"
               "print(CliRunner().invoke(main, ['--help'], terminal_width=100, prog_name='termguard').output, end='')\n")
    lazy = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    for info in pkgutil.iter_modules(termguard.cli.__path__):
        import_module(f"termguard.cli.{info.name}")
    for name, (_modules, summary) in COMMANDS.items():
        assert main.commands[name].get_short_help_str(10**6) == summary, name
    loaded = CliRunner().invoke(main, ["--help"], terminal_width=100, prog_name="termguard")
    assert lazy.stdout == loaded.output
    assert not [m for m in _modules_after(["--help"]) if m.startswith("termguard.cli.")]


def test_version_imports_no_command_and_no_library():
    loaded = _modules_after(["--version"])
    assert not [m for m in loaded if m.startswith(("termguard.cli.", "yaml", "babel"))]


def test_a_command_imports_its_own_module_only():
    loaded = _modules_after(["rules"])
    commands = sorted(m for m in loaded if m.startswith("termguard.cli."))
    assert commands == ["termguard.cli.rules"]


def test_every_command_has_help_and_the_list_shows_them_all():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    listed = result.output.split("Commands:", 1)[1]
    for name in COMMANDS:
        assert f"\n  {name} " in listed
        sub = CliRunner().invoke(main, [name, "--help"])
        assert sub.exit_code == 0, (name, sub.output)


def test_an_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["chekc"])
    assert result.exit_code == 2
    assert "No such command" in result.output
