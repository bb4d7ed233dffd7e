// Inflates the embedded MNIST bytes with the system's libz (zlib1g-dev for the header).
#include <zlib.h>
#include "MNISTData.h"

int lectern_mnist_inflate(unsigned char *out) {
    uLongf length = lectern_mnist_raw_size;
    int status = uncompress(out, &length, lectern_mnist_packed, lectern_mnist_packed_size);
    if (status != Z_OK) return status;
    return length == lectern_mnist_raw_size ? 0 : Z_DATA_ERROR;
}
