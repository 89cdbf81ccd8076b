#include "query/components.h"

#include <algorithm>
#include <numeric>

namespace kg::query {

Result<Components> components(const Snapshot& s, const Filter& filter) {
  auto pred = EdgePredicate::compile(filter);
  if (!pred.isOk()) return pred.status();
  const size_t n = s.vertexCount();
  std::vector<VertexId> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<char> touched(n, 0);
  auto find = [&](VertexId v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];  // path halving
      v = parent[v];
    }
    return v;
  };
  // A union per edge; a stopped pass answers DeadlineExceeded.
  Checkpoint cp(pred->cancel());
  for (VertexId v = 0; v < n; ++v) {
    if (cp.step(s.outDegree(v) + 1)) return stoppedAtDeadline();
    for (EdgeIndex e = s.outBegin(v), end = s.outEnd(v); e < end; ++e) {
      if (!(*pred)(s, e)) continue;
      VertexId a = find(v), b = find(s.target(e));
      touched[v] = touched[s.target(e)] = 1;
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  Components out;
  std::vector<uint32_t> index(n, UINT32_MAX);  // root -> component slot
  for (VertexId v = 0; v < n; ++v) {
    if (!touched[v]) {
      ++out.isolated;
      continue;
    }
    VertexId r = find(v);
    if (index[r] == UINT32_MAX) {
      index[r] = static_cast<uint32_t>(out.components.size());
      out.components.emplace_back();
    }
    out.components[index[r]].push_back(v);
  }
  std::stable_sort(out.components.begin(), out.components.end(),
                   [](const auto& x, const auto& y) { return x.size() > y.size(); });
  return out;
}

}  // namespace kg::query
