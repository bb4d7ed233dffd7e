import Testing
@testable import TensorEngine

@Suite("pooling errors")
struct PoolingErrorTests {
    let x = try! Tensor.zeros([1, 2, 4, 4])

    @Test("bad size, stride and padding")
    func badArguments() throws {
        let size = expectError(.argument(op: "maxPool2d", name: "the window size", problem: .emptyWindow(height: 0, width: 0))) {
            try Tensor.maxPool2d(x, size: 0)
        }
        #expect(size == "maxPool2d: the window size must be at least 1x1, got 0x0")
        let stride = expectError(.argument(op: "avgPool2d", name: "stride", problem: .notPositiveInteger(0))) {
            try Tensor.avgPool2d(x, size: 2, stride: 0)
        }
        #expect(stride == "avgPool2d: stride must be a positive integer, got 0")
        expectError(.argument(op: "maxPool2d", name: "stride", problem: .notPositiveInteger(-1)),
                    reads: "maxPool2d: stride must be a positive integer, got -1") {
            try Tensor.maxPool2d(x, size: 2, stride: -1)
        }
        expectError(.argument(op: "maxPool2d", name: "padding", problem: .negative(-1)),
                    reads: "maxPool2d: padding must not be negative, got -1") {
            try Tensor.maxPool2d(x, size: 2, padding: -1)
        }
    }

    @Test("padding may be at most half the window")
    func paddingAboveHalf() throws {
        let message = expectError(.argument(op: "avgPool2d", name: "padding",
                                            problem: .paddingAboveHalf(2, window: 3))) {
            try Tensor.avgPool2d(x, size: 3, stride: 1, padding: 2)
        }
        #expect(message == "avgPool2d: padding must be at most half the window size (1 for a 3x3 window), got 2")
        expectError(.argument(op: "maxPool2d", name: "padding",
                              problem: .paddingAboveHalf(1, window: 1)),
                                          reads: "maxPool2d: padding must be at most half the window size (0 for a 1x1 window), got 1") {
            try Tensor.maxPool2d(x, size: 1, padding: 1)
        }
    }

    @Test("a window larger than the input")
    func windowTooLarge() throws {
        let message = expectError(.windowTooLarge(poolGeometry(input: (4, 4), size: 5, stride: 5), dimension: 0)) {
            try Tensor.maxPool2d(x, size: 5)
        }
        #expect(message == "a 5x5 window is larger than the 4x4 input (4 along the height)")
        let wide = try Tensor.zeros([1, 1, 6, 2])
        expectError(.windowTooLarge(poolGeometry(input: (6, 2), size: 3, stride: 3), dimension: 1)) {
            try Tensor.avgPool2d(wide, size: 3)
        }
    }

    @Test("the input must have rank 4")
    func rank() throws {
        let message = expectError(.rank(op: "maxPool2d", argument: "x", expected: "rank 4 (N, C, H, W)", shape: [2, 4, 4])) {
            try Tensor.maxPool2d(try Tensor.zeros([2, 4, 4]), size: 2)
        }
        #expect(message == "maxPool2d expects x of rank 4 (N, C, H, W), got shape [2, 4, 4]")
        expectError(.rank(op: "avgPool2d", argument: "x", expected: "rank 4 (N, C, H, W)", shape: [])) {
            try Tensor.avgPool2d(Tensor(1), size: 1)
        }
    }
}
