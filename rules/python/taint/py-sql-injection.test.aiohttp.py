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


class Student:
    @staticmethod
    async def create(conn, name: str):
        q = "INSERT INTO students (name) VALUES ('%(name)s')" % {'name': name}
        async with conn.cursor() as cur:
            await cur.execute(q)

    @classmethod
    async def rename(cls, conn, name: str):
        async with conn.cursor() as cur:
            await cur.execute("UPDATE students SET name = %s", (name,))


async def register(request: web.Request):
    data = await request.post()
    async with request.app['db'].acquire() as conn:
        # A static method of a class of this file is followed like a function.
        # ruleid: py-sql-injection
        await Student.create(conn, data.get('name'))
        # ok: py-sql-injection
        await Student.rename(conn, data.get('name'))
    raise web.HTTPFound('/students')
