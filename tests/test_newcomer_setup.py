"""A newcomer can follow the README: its first screen names `site_url` (the placeholder every
citation, permanent link and sitemap entry is made from) and says what the test command installs
and how long it takes; the Pages workflow sets `site_url` from the repository's Pages address
before the build it deploys; and the test command installs only what is missing, with apt-get as
root, through sudo otherwise, and nothing at all where the browser, Java and Node are installed.
`tests/run.sh` is run here with stand-ins for apt-get, sudo, npm and Python, which record their calls."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml

from conftest import ROOT

README = ROOT / "README.md"
FIRST_SCREEN_LINES = 40
"""What a reader sees of the README on GitHub before scrolling."""


def first_screen() -> str:
    return "\n".join(README.read_text(encoding="utf-8").splitlines()[:FIRST_SCREEN_LINES])


def test_the_readme_s_first_screen_names_site_url_its_placeholder_and_where_to_set_it():
    placeholder = yaml.safe_load(re.search(r"^site_url:.*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                                           re.M).group(0))["site_url"]
    screen = first_screen()
    assert "`site_url`" in screen and "`mkdocs.yml`" in screen and placeholder in screen


def test_the_readme_s_first_screen_says_what_the_test_command_installs_and_how_long_it_takes():
    screen = first_screen()
    assert "bash tests/run.sh" in screen
    assert all(tool in screen for tool in ("Chromium", "Java", "Node.js", "sudo", "root"))
    assert re.search(r"\d+[½¼¾]? ?min", screen)


def test_the_pages_workflow_sets_site_url_from_the_pages_address_before_the_build_it_deploys():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])]
    runs = [step.get("run", "") for step in steps]
    setting = next(i for i, run in enumerate(runs) if "site_url" in run and "mkdocs.yml" in run)
    building = next(i for i, run in enumerate(runs) if "mkdocs build" in run)
    deploying = next(i for i, step in enumerate(steps) if "upload-pages-artifact" in step.get("uses", ""))
    assert setting < building < deploying
    assert "steps.pages.outputs.base_url" in runs[setting]
    assert any("configure-pages" in step.get("uses", "") and step.get("id") == "pages" for step in steps[:setting])
    # The workflow's own substitution, applied to mkdocs.yml, gives the address.
    sed = re.search(r'sed -i "s\|(.*?)\|(.*?)\|" mkdocs.yml', runs[setting])
    assert sed, runs[setting]
    pattern, replacement = sed.group(1), sed.group(2).replace("${{ steps.pages.outputs.base_url }}",
                                                              "https://owner.github.io/repo")
    text = re.sub(pattern, replacement, (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                  flags=re.M)
    assert yaml.safe_load(re.search(r"^site_url:.*$", text, re.M).group(0)) == {
        "site_url": "https://owner.github.io/repo/"}


# --- tests/run.sh on machines of three kinds -------------------------------------------------

RECORDER = '#!{bash}\necho "{name} $*" >> "{log}"\n'
APT_GET = RECORDER + 'for p in "$@"; do if [ -e "{packages}/$p" ]; then cp "{packages}/$p" "{bin}/"; fi; done\n'
"""apt-get: record the call, and install the stand-in of each package it names that has one."""
PACKAGES = {"chromium": "chromium", "default-jre-headless": "java", "npm": "npm"}
"""Package → the command it installs (a stand-in)."""
STAND_INS = {
    "apt-get": APT_GET,
    "sudo": RECORDER + 'shift\nexec "$@"\n',                  # sudo -n CMD…: run CMD
    "npm": RECORDER + "mkdir -p node_modules\n",
    "java": RECORDER,
    "python": RECORDER,                                       # `python -c "import …"` succeeds: no pip
    "id": '#!{bash}\necho {uid}\n',
}
TOOLS = ("dirname", "sha256sum", "cut", "cat", "mkdir", "cp")


def run_tests_command(tmp_path: Path, *, uid: int, installed: tuple[str, ...]) -> list[str]:
    """Run a copy of tests/run.sh where only ``installed`` of the browser, java and npm exist, as
    user ``uid``; the calls the stand-ins recorded."""
    project, fake_bin, log = tmp_path / "project", tmp_path / "bin", tmp_path / "calls.log"
    (project / "tests").mkdir(parents=True)
    fake_bin.mkdir()
    for name in ("tests/run.sh", "package-lock.json", "pyproject.toml"):
        shutil.copy(ROOT / name, project / name)
    bash, packages = shutil.which("bash"), tmp_path / "packages"
    packages.mkdir()
    for name, script in STAND_INS.items():
        text = script.format(bash=bash, name=name, log=log, uid=uid, packages=packages, bin=fake_bin)
        (fake_bin / name).write_text(text)
        (fake_bin / name).chmod(0o755)
    (fake_bin / "chromium").write_text(f"#!{bash}\n")
    (fake_bin / "chromium").chmod(0o755)
    for package, command in PACKAGES.items():   # what is not installed, apt-get can install
        shutil.copy(fake_bin / command, packages / package)
        if command not in installed:
            (fake_bin / command).unlink()
    for tool in TOOLS:
        (fake_bin / tool).symlink_to(shutil.which(tool))
    chromium = fake_bin / "chromium"
    env = {"PATH": str(fake_bin), "HOME": str(tmp_path), "CHROMIUM": str(chromium)}
    result = subprocess.run([bash, str(project / "tests" / "run.sh")], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return log.read_text().splitlines() if log.exists() else []


def test_with_the_browser_java_and_node_installed_nothing_is_installed_and_no_root_is_needed(tmp_path):
    calls = run_tests_command(tmp_path, uid=1000, installed=("chromium", "java", "npm"))
    assert not [c for c in calls if c.startswith(("sudo", "apt-get"))], calls
    assert calls[-1].startswith("python -m pytest"), calls


def test_without_root_what_is_missing_is_installed_through_sudo(tmp_path):
    calls = run_tests_command(tmp_path, uid=1000, installed=("chromium", "npm"))
    through_sudo = [c.removeprefix("sudo -n ") for c in calls if c.startswith("sudo -n ")]
    assert through_sudo == [c for c in calls if c.startswith("apt-get")], calls   # every apt-get, through sudo
    installed = " ".join(c for c in through_sudo if c.startswith("apt-get install"))
    assert "default-jre-headless" in installed and "chromium" not in installed and "nodejs" not in installed


def test_as_root_what_is_missing_is_installed_with_apt_get_itself(tmp_path):
    calls = run_tests_command(tmp_path, uid=0, installed=("java",))
    assert not [c for c in calls if c.startswith("sudo")], calls
    installed = " ".join(c for c in calls if c.startswith("apt-get install"))
    assert "chromium" in installed and "nodejs" in installed and "default-jre-headless" not in installed
    assert calls[-1].startswith("python -m pytest"), calls
