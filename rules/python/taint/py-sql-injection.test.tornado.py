import tornado.web


class ItemHandler(tornado.web.RequestHandler):
    def initialize(self, db):
        self.db = db

    def get(self, item_id):
        cur = self.db.cursor()
        # ruleid: py-sql-injection
        cur.execute("SELECT * FROM items WHERE id = " + item_id)
        # ok: py-sql-injection
        cur.execute("SELECT * FROM items WHERE id = %s", (item_id,))
        self.write({"item": cur.fetchone()})

    def post(self, item_id):
        cur = self.db.cursor()
        # ruleid: py-sql-injection
        cur.execute("UPDATE items SET name = '%s'" % self.get_body_argument("name"))
