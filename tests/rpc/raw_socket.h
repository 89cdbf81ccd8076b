// Raw loopback sockets for the rpc tests that play a hostile client: bytes
// that are no Cap'n Proto, half frames, connections opened and abandoned.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace kg::testing {

// A connected TCP socket to 127.0.0.1:port, or -1.
inline int connectRaw(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Waits at most `limit` for the peer to close `fd` (reading and dropping
// anything it sends). True when it closed (or reset) the connection.
inline bool awaitClose(int fd, std::chrono::milliseconds limit) {
  const auto end = std::chrono::steady_clock::now() + limit;
  char buf[4096];
  while (std::chrono::steady_clock::now() < end) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    if (::recv(fd, buf, sizeof buf, MSG_DONTWAIT) <= 0) return true;
  }
  return false;
}

// Writes `bytes` to a fresh connection, then waits (at most ~10 s) for the
// server to close it. Returns true when the server closed it.
inline bool sendRawAndAwaitClose(int port, const std::string& bytes) {
  int fd = connectRaw(port);
  if (fd < 0) return false;
  (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  const bool closed = awaitClose(fd, std::chrono::seconds(10));
  ::close(fd);
  return closed;
}

// A frame header: `sizes.size()` segments of the given sizes in words,
// padded to a whole word (the body is not included).
inline std::string frameHeader(const std::vector<uint32_t>& sizes) {
  std::string out;
  auto put = [&out](uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  put(static_cast<uint32_t>(sizes.size() - 1));
  for (uint32_t s : sizes) put(s);
  if (out.size() % 8) out.append(4, '\0');
  return out;
}

}  // namespace kg::testing
