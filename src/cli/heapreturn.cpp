#include "heapreturn.h"

#if defined(__GLIBC__)
#    include <malloc.h>
#endif

void returnLargeBlocksToTheSystem()
{
#if defined(__GLIBC__)
    // Setting it also turns off glibc's raising of it (and of the trim threshold).
    ::mallopt(M_MMAP_THRESHOLD, int(LargeBlockBytes));
#endif
}
