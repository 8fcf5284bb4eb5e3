const grpc = require('@grpc/grpc-js');

// ruleid: js-grpc-insecure-credentials
const client = new proto.Payments('payments.example.com:50051', grpc.credentials.createInsecure());
const server = new grpc.Server();
// ruleid: js-grpc-insecure-credentials
server.bindAsync('0.0.0.0:50051', grpc.ServerCredentials.createInsecure(), () => server.start());

// ok: js-grpc-insecure-credentials
const local = new proto.Payments('localhost:50051', grpc.credentials.createInsecure());
// ok: js-grpc-insecure-credentials
server.bindAsync('127.0.0.1:50051', grpc.ServerCredentials.createInsecure(), () => {});
// ok: js-grpc-insecure-credentials
const configured = new proto.Payments(process.env.PAYMENTS_ADDR, grpc.credentials.createInsecure());
// ok: js-grpc-insecure-credentials
const tls = new proto.Payments('payments.example.com:443', grpc.credentials.createSsl());
