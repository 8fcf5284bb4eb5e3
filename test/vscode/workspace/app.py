import subprocess


def run(d):
    subprocess.run("ls " + d, shell=True)
