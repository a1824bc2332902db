import { passwordStrength, type Strength } from '../model/auth-schemas';

const bars: Record<Strength, { filled: number; colour: string }> = {
  weak: { filled: 1, colour: 'bg-red-700' },
  medium: { filled: 2, colour: 'bg-amber-600' },
  strong: { filled: 3, colour: 'bg-green-700' },
};

export function PasswordStrengthMeter({ password }: { password: string }) {
  if (!password) return null;
  const strength = passwordStrength(password);
  const { filled, colour } = bars[strength];
  return (
    <div className="flex items-center gap-2" data-testid="password-strength">
      <div className="flex flex-1 gap-1" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <span key={i} className={`h-1.5 flex-1 rounded ${i < filled ? colour : 'bg-slate-200'}`} />
        ))}
      </div>
      <span className="text-xs text-slate-700">Strength: {strength}</span>
    </div>
  );
}
