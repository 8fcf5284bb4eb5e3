const express = require('express');
const User = require('./models/user');

const router = express.Router();

router.post('/users', async (req, res) => {
  // ruleid: js-mass-assignment
  const user = await User.create(req.body);
  // ruleid: js-mass-assignment
  const draft = new User(req.body);
  // ruleid: js-mass-assignment
  const other = new models.Account({ ...req.body, createdBy: req.user.id });
  // ok: js-mass-assignment
  const picked = await User.create({ name: req.body.name, email: req.body.email });
  // ok: js-mass-assignment
  const params = new URLSearchParams(req.body);
  // ok: js-mass-assignment
  const copy = Object.assign({}, req.body);
  res.json(user);
});

router.put('/users/:id', async (req, res) => {
  const user = await User.findById(req.params.id);
  // ruleid: js-mass-assignment
  Object.assign(user, req.body);
  await user.save();
  // ruleid: js-mass-assignment
  await User.findByIdAndUpdate(req.params.id, req.body, { new: true });
  // ruleid: js-mass-assignment
  await User.update(req.body, { where: { id: req.params.id } });
  // ruleid: js-mass-assignment
  await prisma.user.update({ where: { id: req.params.id }, data: req.body });
  // ok: js-mass-assignment
  await prisma.user.update({ where: { id: req.params.id }, data: { name: req.body.name } });
  // ok: js-mass-assignment
  await User.updateOne({ _id: req.params.id }, { $set: { name: req.body.name } });
  // ok: js-mass-assignment
  hash.update(req.body);
  // ok: js-mass-assignment
  const signature = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.body).digest('hex');
  res.json(user);
});
