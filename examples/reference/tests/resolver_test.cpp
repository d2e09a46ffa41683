#include "reference/resolver.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

namespace core = gost::core;
namespace xr = gost::x::resolver;

// Answers every query from a table, the way a nameserver would.
class TableExchanger final : public xr::Exchanger {
 public:
  std::map<std::string, std::string> a;  // name -> IPv4 literal
  int asked = 0;
  core::Result<std::vector<std::uint8_t>> Exchange(const core::context::Context&,
                                                   const std::vector<std::uint8_t>& q) override {
    ++asked;
    std::string name;
    std::size_t pos = 12;
    while (q[pos] != 0) {
      if (!name.empty()) name += '.';
      name.append(reinterpret_cast<const char*>(q.data()) + pos + 1, q[pos]);  // NOLINT
      pos += 1U + q[pos];
    }
    const std::uint16_t qtype = static_cast<std::uint16_t>(q[pos + 1] << 8U | q[pos + 2]);
    std::vector<std::uint8_t> m(q.begin(), q.begin() + static_cast<std::ptrdiff_t>(pos + 5));
    m[2] = 0x81;
    m[3] = 0x80;
    const auto it = a.find(name);
    if (it == a.end()) {
      m[3] |= 3;  // NXDOMAIN
      return m;
    }
    if (qtype == xr::kTypeA) {
      m[7] = 1;
      auto ip = core::net::ParseIP(it->second)->To4();
      m.insert(m.end(), {0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4});
      m.insert(m.end(), ip->begin(), ip->end());
    }
    return m;
  }
  [[nodiscard]] std::string String() const override { return "table"; }
};

TEST(Resolver, AsksTheNameserverForARecords) {
  auto ns = std::make_shared<TableExchanger>();
  ns->a["db.internal"] = "10.0.0.7";
  xr::Resolver r({ns});
  auto ips = r.Resolve(core::context::Background(), "ip", "db.internal");
  ASSERT_TRUE(ips) << ips.error().Message();
  ASSERT_EQ(ips->size(), 1U);
  EXPECT_EQ(ips->front().String(), "10.0.0.7");
  EXPECT_FALSE(r.Resolve(core::context::Background(), "ip", "nowhere.internal"));
  const int before = ns->asked;
  auto lit = r.Resolve(core::context::Background(), "ip", "192.0.2.1");
  ASSERT_TRUE(lit);
  EXPECT_EQ(ns->asked, before);
}

TEST(Resolver, NoNameserverIsInvalid) {
  xr::Resolver r({});
  auto ips = r.Resolve(core::context::Background(), "ip", "x");
  ASSERT_FALSE(ips);
  EXPECT_TRUE(core::errors::Is(ips.error(), core::resolver::ErrInvalid));
}

TEST(Resolver, MessagesAreChecked) {
  EXPECT_FALSE(xr::BuildQuery(1, "", xr::kTypeA));
  EXPECT_FALSE(xr::BuildQuery(1, "a..b", xr::kTypeA));
  EXPECT_FALSE(xr::BuildQuery(1, std::string(64, 'a'), xr::kTypeA));
  auto q = xr::BuildQuery(7, "example.com.", xr::kTypeA);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->size(), 12U + 13U + 4U);
  EXPECT_FALSE(xr::ParseAnswer({1, 2, 3}, 7, xr::kTypeA));
  auto answer = *q;
  answer[2] |= 0x80;
  EXPECT_FALSE(xr::ParseAnswer(answer, 8, xr::kTypeA));  // another id
  auto empty = xr::ParseAnswer(answer, 7, xr::kTypeA);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  answer[7] = 1;  // claims an answer that is not there
  EXPECT_FALSE(xr::ParseAnswer(answer, 7, xr::kTypeA));
}

}  // namespace
