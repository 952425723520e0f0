"""The Telegram adapter's parts; `bot.adapters.telegram_app` puts them together.

    callback_data   compact, validated button payloads (≤ 64 bytes)
    flood           per-user question limit: one notice, then silence
    addressing      whether a group message speaks to the bot, and what it asks
    render          a Reply as Telegram messages: text cut to the limit, inline keyboard
    delivery        sending them: buttons under the last piece, quoting the asker in groups
    notices         what the Telegram bot says on its own (help, refusals, notices)
    handlers        the update handlers, each: extract ids and text, await the service, render

Only absolute imports reach python-telegram-bot (`telegram`), so this package's name cannot
shadow it.
"""
