// gost-core: the umbrella header. Includes every public header of the library.
#pragma once

#include "gost/core/version.hpp"

// The Go vocabulary.
#include "gost/core/go/bytes.hpp"
#include "gost/core/go/context.hpp"
#include "gost/core/go/errors.hpp"
#include "gost/core/go/http.hpp"
#include "gost/core/go/io.hpp"
#include "gost/core/go/net.hpp"
#include "gost/core/go/option.hpp"
#include "gost/core/go/result.hpp"
#include "gost/core/go/time.hpp"
#include "gost/core/go/tls.hpp"
#include "gost/core/go/url.hpp"
#include "gost/core/go/variadic.hpp"

// The port of go-gost/core, package by package.
#include "gost/core/common/net/dialer.hpp"
#include "gost/core/dialer/dialer.hpp"
#include "gost/core/dialer/option.hpp"
#include "gost/core/logger/logger.hpp"
#include "gost/core/metadata/metadata.hpp"
