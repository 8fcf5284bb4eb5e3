from pyramid.view import view_config


@view_config(route_name='user', renderer='json')
def user(request):
    uid = request.matchdict['id']
    # ruleid: py-sql-injection
    request.dbsession.execute("SELECT * FROM users WHERE id = " + uid)
    # ok: py-sql-injection
    request.dbsession.execute("SELECT * FROM users WHERE id = :id", {"id": uid})
    return {}
