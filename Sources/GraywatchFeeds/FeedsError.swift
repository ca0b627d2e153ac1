import Foundation

/// The errors of the feeds target: what failed, where, and why.
public enum FeedsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An event could not be encoded to JSON (`what` names the event, `why` the encoder's reason).
    case encodingFailed(what: String, why: String)
    /// A webhook body could not be decoded as an event (`why` is the decoder's reason).
    case decodingFailed(why: String)
    /// A metrics textfile could not be written (`path` is where, `why` the system's reason).
    case textfileWriteFailed(path: String, why: String)

    public var description: String {
        switch self {
        case .encodingFailed(let what, let why):
            return "could not encode webhook event \(what): \(why)"
        case .decodingFailed(let why):
            return "could not decode webhook event: \(why)"
        case .textfileWriteFailed(let path, let why):
            return "could not write metrics textfile \(path): \(why)"
        }
    }
}
