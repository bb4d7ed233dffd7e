// Inflates the embedded MNIST bytes with the system's libz (zlib1g-dev for the header).
#include <zlib.h>
#include "MNISTData.h"

int lectern_mnist_inflate(unsigned char *out) {
    uLongf length = lectern_mnist_raw_size;
    int status = uncompress(out, &length, lectern_mnist_packed, lectern_mnist_packed_size);
    if (status != Z_OK) return status;
    return length == lectern_mnist_raw_size ? 0 : Z_DATA_ERROR;
}

int lectern_zlib_inflate(const unsigned char *source, unsigned long source_size, unsigned char *out,
                         unsigned long *out_size) {
    uLongf length = *out_size;
    int status = uncompress(out, &length, source, source_size);
    if (status != Z_OK) return status;
    *out_size = length;
    return 0;
}
