/// Why a field's value was refused. The strings hold a message per case ("error.<rawValue>").
public enum ValidationError: String, Error, Equatable, Sendable {
    case required
    case notANumber
    case outOfRange
    case phoneDigits
    case badDate
    case futureDate
    case tooLong
    case unknownOption
    case beforeIncident
    case guardianForMinor
}
