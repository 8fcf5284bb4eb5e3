// GraphQL resolver maps: the second parameter holds the client's arguments.
const resolvers = {
  Query: {
    // ruleid: js-sql-injection
    user: async (_, { id }, { db }) => db.query(`SELECT * FROM users WHERE id = ${id}`),
    search(parent, args, context) {
      // ruleid: js-sql-injection
      return context.db.query('SELECT * FROM items WHERE name = ' + args.name);
    },
    // ok: js-sql-injection
    item: (_, args, { db }) => db.query('SELECT * FROM items WHERE id = $1', [args.id]),
  },
  User: {
    // The parent is the result of the resolver above it, not client input.
    // ok: js-sql-injection
    posts: (user, _args, { db }) => db.query(`SELECT * FROM posts WHERE author = ${user.id}`),
  },
};

module.exports = resolvers;
