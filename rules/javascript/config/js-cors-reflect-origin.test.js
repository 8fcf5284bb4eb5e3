app.use((req, res, next) => {
  // ruleid: js-cors-reflect-origin
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use((req, res, next) => {
  // ruleid: js-cors-reflect-origin
  res.header("Access-Control-Allow-Origin", req.get('Origin'));
  next();
});

router.use(async (ctx, next) => {
  // ruleid: js-cors-reflect-origin
  ctx.set('Access-Control-Allow-Origin', ctx.request.header.origin);
  await next();
});

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED.has(origin)) {
    // ok: js-cors-reflect-origin
    res.setHeader('Access-Control-Allow-Origin', origin);
  }
  // ok: js-cors-reflect-origin
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  // ok: js-cors-reflect-origin
  res.setHeader('X-Request-Origin', req.headers.origin);
  next();
});
