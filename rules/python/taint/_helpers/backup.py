"""Helpers imported by the cross-file taint fixtures (not a fixture themselves)."""
import os
import shlex


def run_backup(folder):
    os.system("tar czf /tmp/backup.tgz " + folder)


def run_backup_quoted(folder):
    os.system("tar czf /tmp/backup.tgz " + shlex.quote(folder))
