// Checks that egensag.h compiles as C++ (g++ -std=c++11 -Wall -Wextra -Werror) and links.
#include <egensag.h>

#include <cstdio>
#include <cstring>

int main()
{
    egensag_error *err = nullptr;
    egensag_engine *engine = nullptr;
    int status = egensag_engine_new(nullptr, 0, nullptr, 0, &engine, &err);
    bool ok = status == EGENSAG_NULL_ARGUMENT && engine == nullptr
              && std::strcmp(egensag_error_code(err), "null_argument") == 0
              && egensag_abi_version() == EGENSAG_ABI_VERSION;
    egensag_error_free(err);
    std::printf("C++: libegensag %s %s\n", egensag_version(), ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
