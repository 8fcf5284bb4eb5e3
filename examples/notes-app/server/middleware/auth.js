const db = require('../db');

async function requireLogin(req, res, next) {
  if (!req.session.userId) return res.status(401).json({ error: 'Not signed in' });
  try {
    const user = await db.one('SELECT id, email, name, role FROM users WHERE id = $1', [req.session.userId]);
    if (!user) {
      req.session.destroy(() => {});
      return res.status(401).json({ error: 'Not signed in' });
    }
    req.user = user;
    next();
  } catch (err) {
    next(err);
  }
}

function requireAdmin(req, res, next) {
  if (req.user.role !== 'admin') return res.status(403).json({ error: 'Admins only' });
  next();
}

module.exports = { requireLogin, requireAdmin };
