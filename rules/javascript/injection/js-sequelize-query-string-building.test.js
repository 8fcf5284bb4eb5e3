const { Sequelize, QueryTypes, literal } = require('sequelize');
const models = require('./models');

const sequelize = new Sequelize(process.env.DATABASE_URL);

async function find(req) {
  // ruleid: js-sequelize-query-string-building
  await sequelize.query(`SELECT * FROM users WHERE email = '${req.body.email}'`);
  // ruleid: js-sequelize-query-string-building
  await models.sequelize.query('SELECT * FROM t WHERE id = ' + req.params.id);
  const db = getDb();
  // ruleid: js-sequelize-query-string-building
  await db.sequelize.query('SELECT * FROM orders WHERE id = ' + req.params.id, { type: QueryTypes.SELECT });
  // ruleid: js-sequelize-query-string-building
  const order = [[literal(`FIELD(status, ${req.query.order})`), 'ASC']];
  // ruleid: js-sequelize-query-string-building
  const where = Sequelize.literal('price > ' + req.query.min);
  // ok: js-sequelize-query-string-building
  await sequelize.query('SELECT * FROM users WHERE email = :email', { replacements: { email: req.body.email } });
  // ok: js-sequelize-query-string-building
  await sequelize.query(SQL_FIND_USERS, { bind: [req.body.email] });
  // ok: js-sequelize-query-string-building
  await sequelize.query(`SELECT 1`);
  // ok: js-sequelize-query-string-building
  await pool.query(`SELECT * FROM users WHERE id = ${id}`);
}

class QueryInterface {
  async drop(subQuery, options, orderIndex) {
    // ok: js-sequelize-query-string-building
    await this.sequelize.query(`${subQuery};`, { raw: true, ...options });
    // ok: js-sequelize-query-string-building
    const item = this.sequelize.literal(` ${VALID_ORDER[orderIndex]}`);
    // ruleid: js-sequelize-query-string-building
    await this.sequelize.query(`DELETE FROM ${options.table} WHERE id = ${options.id}`);
  }
}

// A template whose substitutions are all constants is a constant.
const RETENTION_DAYS = 365;
const INSIGHTS = 'document_insights';
async function cleanup(days) {
  // ok: js-sequelize-query-string-building
  await sequelize.query(`DELETE FROM ${INSIGHTS} WHERE date < NOW() - INTERVAL '${RETENTION_DAYS} days'`);
  // ruleid: js-sequelize-query-string-building
  await sequelize.query(`DELETE FROM ${INSIGHTS} WHERE date < NOW() - INTERVAL '${days} days'`);
}
