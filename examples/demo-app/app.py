"""A deliberately unsafe little script to try Ward on."""
import subprocess

import yaml


def archive(folder):
    subprocess.run("tar czf backup.tgz " + folder, shell=True)


def load_config(text):
    return yaml.load(text, Loader=yaml.Loader)


def calc(expression):
    return eval(expression)
