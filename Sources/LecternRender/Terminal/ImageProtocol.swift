/// A way for a terminal to show real pixels: an escape sequence carrying the image, drawn over
/// as many cells as it covers. Without one, images are drawn with characters.
public enum ImageProtocol: String, Sendable, Equatable, CaseIterable {
    /// Characters only.
    case none
    /// The kitty graphics protocol: `ESC _G f=100,a=T,...; base64 PNG ESC \`, in chunks of 4096.
    case kitty
    /// iTerm2 inline images (also WezTerm): `ESC ]1337;File=inline=1;...: base64 PNG BEL`.
    case iterm2
    /// DEC Sixel (xterm -ti vt340, foot, mlterm): a palette, then bands of six pixel rows.
    case sixel

    /// The environment variables `detect` reads.
    static let variables = ["LECTERN_IMAGES", "TERM_PROGRAM", "KITTY_WINDOW_ID", "TMUX"]

    /// The protocol the environment names, safely: `LECTERN_IMAGES` (`none`, `kitty`, `iterm2`,
    /// `sixel`) wins; else kitty for `TERM=xterm-kitty` or `KITTY_WINDOW_ID`, iTerm2 for
    /// `TERM_PROGRAM` `iTerm.app` or `WezTerm`; none inside tmux (which does not pass them on)
    /// and for every other terminal (Sixel only when asked for: nothing in the environment
    /// says a terminal speaks it). Only called for a terminal with colour.
    static func detect(_ environment: [String: String]) -> ImageProtocol {
        if let asked = environment["LECTERN_IMAGES"] { return ImageProtocol(rawValue: asked.lowercased()) ?? .none }
        if environment["TMUX"] != nil { return .none }
        if environment["TERM"] == "xterm-kitty" || environment["KITTY_WINDOW_ID"] != nil { return .kitty }
        if let program = environment["TERM_PROGRAM"], program == "iTerm.app" || program == "WezTerm" { return .iterm2 }
        return .none
    }
}
