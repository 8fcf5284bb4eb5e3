from aiohttp import web


async def create_student(request: web.Request):
    data = await request.post()
    name = data.get('name')
    async with request.app['db'].acquire() as conn:
        async with conn.cursor() as cur:
            # ruleid: py-sql-injection
            await cur.execute("INSERT INTO students (name) VALUES ('%(name)s')" % {'name': name})
            # ok: py-sql-injection
            await cur.execute("INSERT INTO students (name) VALUES (%(name)s)", {'name': name})
    raise web.HTTPFound('/students')


async def show_student(request):
    student_id = request.match_info['id']
    async with request.app['db'].acquire() as conn:
        async with conn.cursor() as cur:
            # ruleid: py-sql-injection
            await cur.execute('SELECT * FROM students WHERE id = ' + student_id)
            return web.json_response(await cur.fetchone())


app = web.Application()
app.router.add_post('/students', create_student)
app.router.add_get('/students/{id}', show_student)
