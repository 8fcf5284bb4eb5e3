// Lines typed by the test suite go below.
function handler(req) {
  return req.query.id;
}
