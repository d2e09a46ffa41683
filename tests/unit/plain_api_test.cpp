// The library's functions are plain functions and its one-field option
// setters are function objects (docs/design.md). These tests pin what that
// gives callers: an address taken with the bare name, the function passed
// as a callback, arguments converted as for any function, and no template
// parameter a caller could set by mistake.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>

#include "gost/core.hpp"
#include "gost/core/go/stop_token.hpp"

namespace {

using namespace gost::core;  // NOLINT(google-build-using-namespace)

// decltype(f) is ill-formed when f names a template (or an overload set), so
// each line below states that the name is one plain function.
static_assert(std::is_function_v<decltype(net::ParseIP)>);
static_assert(std::is_function_v<decltype(net::ParseCIDR)>);
static_assert(std::is_function_v<decltype(net::SplitHostPort)>);
static_assert(std::is_function_v<decltype(net::JoinHostPort)>);
static_assert(std::is_function_v<decltype(url::QueryEscape)>);
static_assert(std::is_function_v<decltype(url::QueryUnescape)>);
static_assert(std::is_function_v<decltype(url::ParseQuery)>);
static_assert(std::is_function_v<decltype(url::ParseUserinfo)>);
static_assert(std::is_function_v<decltype(url::User)>);
static_assert(std::is_function_v<decltype(url::UserPassword)>);
static_assert(std::is_function_v<decltype(http::CanonicalHeaderKey)>);
static_assert(std::is_function_v<decltype(AsBytes)>);
static_assert(std::is_function_v<decltype(AsString)>);
static_assert(std::is_function_v<decltype(errors::New)>);
static_assert(std::is_function_v<decltype(errors::WithCode)>);
static_assert(std::is_function_v<decltype(errors::Wrap)>);
static_assert(std::is_function_v<decltype(errors::Unwrap)>);
static_assert(std::is_function_v<decltype(errors::Is)>);
static_assert(std::is_function_v<decltype(fmt::Sprint)>);
static_assert(std::is_function_v<decltype(fmt::Sprintf)>);
static_assert(std::is_function_v<decltype(context::Background)>);
static_assert(std::is_function_v<decltype(context::TODO)>);
static_assert(std::is_function_v<decltype(context::WithCancel)>);
static_assert(std::is_function_v<decltype(context::WithDeadline)>);
static_assert(std::is_function_v<decltype(context::WithTimeout)>);
static_assert(std::is_function_v<decltype(context::AfterFunc)>);
static_assert(std::is_function_v<decltype(context::WithStopToken)>);
static_assert(std::is_function_v<decltype(logger::Default)>);
static_assert(std::is_function_v<decltype(logger::SetDefault)>);
static_assert(std::is_function_v<decltype(logger::LoggerGroup)>);
static_assert(std::is_function_v<decltype(selector::NewFailMarker)>);
static_assert(std::is_function_v<decltype(chain::NewNode)>);
static_assert(std::is_function_v<decltype(listener::NewAcceptError)>);
static_assert(std::is_function_v<decltype(listener::NewBindError)>);
static_assert(std::is_function_v<decltype(handler::RecordersOption)>);
static_assert(std::is_function_v<decltype(chain::RecordersRouterOption)>);
static_assert(std::is_function_v<decltype(common::bufpool::Get)>);
static_assert(std::is_function_v<decltype(common::bufpool::Put)>);
static_assert(std::is_function_v<decltype(common::bufpool::HeldBytes)>);
static_assert(std::is_function_v<decltype(common::bufpool::ThreadHeldBytes)>);
static_assert(std::is_function_v<decltype(common::bufpool::Trim)>);

// The signatures read as written in the reference: no deferral parameter in
// a return type.
static_assert(std::is_same_v<decltype(chain::NewNode), chain::NodePtr(std::string, std::string, Variadic<chain::NodeOption>)>);
static_assert(std::is_same_v<decltype(&AsBytes), ByteView (*)(std::string_view) noexcept>);
static_assert(std::is_same_v<decltype(&chain::Node::Copy), chain::NodePtr (chain::Node::*)() const>);
static_assert(std::is_same_v<decltype(&context::Context::Deadline), std::optional<Time> (context::Context::*)() const noexcept>);

TEST(PlainApi, AddressesAreTakenWithTheBareName) {
  auto parse = &net::ParseIP;
  EXPECT_TRUE(parse("::1"));
  EXPECT_FALSE(parse("not an ip"));

  auto add = &http::Header::Add;
  http::Header h;
  (h.*add)("x-key", "v");
  EXPECT_EQ(h.Get("X-Key"), "v");

  auto marker = &selector::NewFailMarker;
  EXPECT_EQ(marker()->Count(), 0);
}

TEST(PlainApi, FunctionsPassAsCallbacks) {
  const std::function<Result<net::IP>(std::string_view)> parse = net::ParseIP;
  EXPECT_EQ(parse("10.0.0.1")->String(), "10.0.0.1");
  const std::function<std::string(std::string_view)> canon = http::CanonicalHeaderKey;
  EXPECT_EQ(canon("content-type"), "Content-Type");
  const std::function<Error(std::string)> make = errors::New;
  EXPECT_EQ(make("boom").Message(), "boom");
}

TEST(PlainApi, ArgumentsConvertAsForAnyFunction) {
  const std::string text = "10.0.0.1";  // std::string -> std::string_view
  EXPECT_TRUE(net::ParseIP(text));
  // const char* -> std::string, a braced list -> Variadic, nullptr -> an
  // empty option.
  auto node = chain::NewNode("n1", "example.com:443", {chain::PriorityNodeOption(3), nullptr});
  EXPECT_EQ(node->Name, "n1");
  EXPECT_EQ(node->Options().Priority, 3);
  auto group = logger::LoggerGroup({nullptr, nullptr});
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->GetLevel(), logger::InfoLevel);
}

// The one-field setters are FieldOption objects: called like functions,
// passed like any callable, each the option that sets its field.
static_assert(std::is_same_v<std::remove_cvref_t<decltype(chain::PriorityNodeOption)>,
                             FieldOption<&chain::NodeOptions::Priority>>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(dialer::AuthOption)>, FieldOption<&dialer::Options::Auth>>);
static_assert(std::is_invocable_r_v<chain::NodeOption, decltype(chain::NetworkNodeOption), const char*>);
static_assert(!std::is_invocable_v<decltype(chain::PriorityNodeOption), std::string>);

TEST(PlainApi, FieldOptionsPassAsCallbacks) {
  const std::function<chain::NodeOption(int)> priority = chain::PriorityNodeOption;
  chain::NodeOptions o;
  priority(7)(&o);
  EXPECT_EQ(o.Priority, 7);

  // An option may be applied any number of times; each gets the value.
  const hop::SelectOption host = hop::HostSelectOption("example.com");
  hop::SelectOptions a;
  hop::SelectOptions b;
  host(&a);
  host(&b);
  EXPECT_EQ(a.Host, "example.com");
  EXPECT_EQ(b.Host, "example.com");
}

TEST(PlainApi, ConstructingANodeTakesOptions) {
  const chain::Node node("n2", "host:1", {chain::NetworkNodeOption("udp")});
  EXPECT_EQ(node.Options().Network, "udp");
  static_assert(std::is_constructible_v<chain::Node, std::string, std::string>);
  static_assert(!std::is_constructible_v<chain::Node, int>);
}

}  // namespace
