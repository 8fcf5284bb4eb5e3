import flask

app = flask.Flask(__name__)


@app.route('/calc')
def calc():
    expr = flask.request.args.get('expr', '')
    # A container holds what is added to it.
    parts = ['1']
    parts.append(expr)
    # ruleid: py-code-injection
    eval(' + '.join(parts))

    # A condition the code fixes (num is only ever 86): the else branch never runs.
    num = 86
    if (7 * 42) - num > 200:
        code = '2 + 2'
    else:
        code = expr
    # ok: py-code-injection
    eval(code)

    # ruleid: py-code-injection
    eval('1 + 1' if 3 * 3 == 10 else expr)

    # Not fixed: it depends on the request.
    limit = 5
    if limit > 3 and flask.request.args.get('debug'):
        other = expr
    else:
        other = '0'
    # ruleid: py-code-injection
    eval(other)
    return 'ok'


DEBUG = False


@app.route('/debug')
def debug():
    # A flag is a setting that may be flipped: its branch is still analysed.
    if DEBUG:
        # ruleid: py-code-injection
        eval(flask.request.args.get('expr', ''))
    return 'ok'
