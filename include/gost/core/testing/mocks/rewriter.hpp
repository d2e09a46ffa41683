// gost-core testing kit: GoogleMock mock of rewriter::Rewriter.
#pragma once

#include <gmock/gmock.h>

#include "gost/core/rewriter/rewriter.hpp"

namespace gost::core::rewriter {

/// Mock of Rewriter. Unconfigured, Rewrite returns empty Bytes.
class MockRewriter : public Rewriter {
 public:
  MOCK_METHOD(Result<Bytes>, Rewrite, (const context::Context& ctx, ByteView b, Variadic<RewriteOption> opts),
              (override));
};

}  // namespace gost::core::rewriter
