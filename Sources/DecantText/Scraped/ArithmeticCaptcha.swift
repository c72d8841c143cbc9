/// An arithmetic anti-spam question left behind by a comment form.
///
/// `"6 + 7 ="` and `"What is 3 × 4?"`-style lines with only numbers, an operator and `=`/`?`
/// are captchas; `"2 + 2 = 4 is not always true."` is not (it has words after the sum).
public enum ArithmeticCaptcha {
    public static func matches(_ line: String) -> Bool {
        // A captcha ends with `=` or `?` (checked again below, as whole characters): a last
        // byte of anything else rules the line out without walking its characters.
        guard line.utf8.count <= 64, let end = line.utf8.last, end == 0x3D || end == 0x3F else { return false }
        var digits = 0, operators = 0, equals = 0, letters = 0
        for character in line {
            if character.isNumber { digits += 1 }
            else if "+-−×x*÷/".contains(character) { operators += 1 }
            else if character == "=" || character == "?" { equals += 1 }
            else if character.isLetter { letters += 1 }
        }
        // "What is" / "Wie viel ist" style prompts add a few words at most.
        return digits >= 2 && operators >= 1 && equals >= 1 && letters <= 16 && line.count <= 40
            && (line.hasSuffix("=") || line.hasSuffix("?") || line.hasSuffix("= ?") || line.hasSuffix("=?"))
    }
}
