import { type SessionCommand, ok, refused } from '../context.js';

/** `/lang en|zh`: the language replies and posts are worded in. */
export const lang: SessionCommand = async (ctx, args) => {
  const value = args[0]?.toLowerCase();
  if (value === 'en') ctx.session.locale = 'en';
  else if (value === 'zh' || value === 'zh-cn') ctx.session.locale = 'zh-CN';
  else return refused('/lang en | /lang zh');
  return ok(ctx.words().console.language(ctx.session.locale));
};
