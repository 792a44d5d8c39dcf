using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareReview.Domain.Research;

/// <summary>
/// Pseudonymous ids for one extract: the first 16 Base32 characters of HMAC-SHA256 over "child:" or "iro:"
/// and the record's id, keyed with a key drawn for this extract alone (<see cref="Fresh"/>). The same child has
/// the same pid in every file of one extract; a new extract has a new key, so its pids cannot be joined to the
/// last one's. The key is held only by this object: it is never stored, logged or written to the extract.
/// </summary>
public sealed class Pseudonyms : IDisposable
{
    /// <summary>The length of a pid, in Base32 characters (80 bits).</summary>
    public const int Length = 16;

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private readonly HMACSHA256 _hmac;

    /// <summary>The length of the key drawn for each extract, in bytes.</summary>
    public const int KeyLength = 32;

    /// <summary>Pseudonyms keyed with <paramref name="key"/>; tests pass a fixed one, extracts use <see cref="Fresh"/>.</summary>
    public Pseudonyms(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < KeyLength)
        {
            throw new ArgumentException("The key must be at least 32 bytes.", nameof(key));
        }

        _hmac = new HMACSHA256(key);
    }

    /// <summary>
    /// Pseudonyms with a new key drawn from <paramref name="random"/>: the system's generator in the app, a
    /// predictable one in tests. The key's only copy is inside the HMAC, gone when this is disposed.
    /// </summary>
    public static Pseudonyms Fresh(RandomNumberGenerator random)
    {
        var key = new byte[KeyLength];
        random.GetBytes(key);
        try
        {
            return new Pseudonyms(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public string ForChild(int childId) => Pid("child:", childId);

    public string ForIro(int staffMemberId) => Pid("iro:", staffMemberId);

    public void Dispose() => _hmac.Dispose();

    private string Pid(string prefix, int id)
    {
        var hash = _hmac.ComputeHash(Encoding.UTF8.GetBytes(prefix + id.ToString(CultureInfo.InvariantCulture)));
        return Base32(hash)[..Length];
    }

    /// <summary>RFC 4648 Base32, without padding.</summary>
    public static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder((bytes.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            text.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return text.ToString();
    }
}
