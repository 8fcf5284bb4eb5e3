import shlex
import os
import subprocess

import graphene
import strawberry
from strawberry.types import Info


class Query(graphene.ObjectType):
    diagnostics = graphene.String(cmd=graphene.String())
    version = graphene.String()

    # The client's GraphQL arguments come after `info`.
    def resolve_diagnostics(self, info, cmd="whoami"):
        # ruleid: py-command-injection
        return os.popen(cmd).read()

    def resolve_version(self, info):
        # ok: py-command-injection
        return os.popen("uname -r").read()


class ImportPaste(graphene.Mutation):
    class Arguments:
        host = graphene.String()

    result = graphene.String()

    def mutate(self, info, host="pastebin.com"):
        # ruleid: py-command-injection
        out = subprocess.check_output("curl " + shlex.quote(host), shell=True)
        return ImportPaste(result=out.decode())


@strawberry.type
class Tools:
    @strawberry.field
    def ping(self, info: Info, host: str) -> str:
        # ruleid: py-command-injection
        return subprocess.check_output(f"ping -c 1 {shlex.quote(host)}", shell=True).decode()
