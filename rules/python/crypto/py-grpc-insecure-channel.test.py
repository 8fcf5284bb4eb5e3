import grpc
from grpc import aio

# ruleid: py-grpc-insecure-channel
channel = grpc.insecure_channel("payments.internal.example.com:50051")
# ruleid: py-grpc-insecure-channel
achannel = aio.insecure_channel("10.0.3.7:50051")

server = grpc.server(executor)
# ruleid: py-grpc-insecure-channel
server.add_insecure_port("[::]:50051")

# ok: py-grpc-insecure-channel
local = grpc.insecure_channel("localhost:50051")
# ok: py-grpc-insecure-channel
server.add_insecure_port("127.0.0.1:50051")
# ok: py-grpc-insecure-channel
configured = grpc.insecure_channel(settings.TARGET)
# ok: py-grpc-insecure-channel
secure = grpc.secure_channel("api.example.com:443", grpc.ssl_channel_credentials())
