from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "premium_subscriptions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "plan" VARCHAR(16) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "current_period_start" TIMESTAMPTZ NOT NULL,
    "current_period_end" TIMESTAMPTZ NOT NULL,
    "cancel_at_period_end" BOOL NOT NULL,
    "canceled_at" TIMESTAMPTZ,
    "cancel_reason" TEXT,
    "provider" VARCHAR(32) NOT NULL,
    "provider_subscription_id" VARCHAR(255),
    "user_id" UUID NOT NULL UNIQUE REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "premium_subscriptions"."plan" IS 'PREMIUM_MONTHLY: premium_monthly\nPREMIUM_YEARLY: premium_yearly';
COMMENT ON COLUMN "premium_subscriptions"."status" IS 'ACTIVE: active\nCANCELED: canceled';
        CREATE TABLE IF NOT EXISTS "transactions" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "plan" VARCHAR(16),
    "amount" DECIMAL(10,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "provider" VARCHAR(32) NOT NULL,
    "provider_transaction_id" VARCHAR(255),
    "metadata" JSONB NOT NULL,
    "completed_at" TIMESTAMPTZ,
    "failed_at" TIMESTAMPTZ,
    "refunded_at" TIMESTAMPTZ,
    "course_id" UUID REFERENCES "courses" ("id") ON DELETE RESTRICT,
    "subscription_id" UUID REFERENCES "premium_subscriptions" ("id") ON DELETE SET NULL,
    "user_id" UUID NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_transaction_provide_cbbccf" UNIQUE ("provider", "provider_transaction_id")
);
CREATE INDEX IF NOT EXISTS "idx_transaction_user_id_6566ad" ON "transactions" ("user_id", "created_at");
CREATE INDEX IF NOT EXISTS "idx_transaction_course__d4e0e1" ON "transactions" ("course_id", "status");
COMMENT ON COLUMN "transactions"."kind" IS 'COURSE_PURCHASE: course_purchase\nSUBSCRIPTION: subscription';
COMMENT ON COLUMN "transactions"."plan" IS 'PREMIUM_MONTHLY: premium_monthly\nPREMIUM_YEARLY: premium_yearly';
COMMENT ON COLUMN "transactions"."status" IS 'PENDING: pending\nCOMPLETED: completed\nFAILED: failed\nREFUNDED: refunded';
        CREATE TABLE IF NOT EXISTS "payment_events" (
    "id" UUID NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "provider" VARCHAR(32) NOT NULL,
    "event_id" VARCHAR(255) NOT NULL,
    "type" VARCHAR(64) NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ NOT NULL,
    "processed_at" TIMESTAMPTZ,
    "outcome" VARCHAR(16) NOT NULL,
    "reason" TEXT NOT NULL,
    "transaction_id" UUID REFERENCES "transactions" ("id") ON DELETE SET NULL,
    CONSTRAINT "uid_payment_eve_provide_a07738" UNIQUE ("provider", "event_id")
);
COMMENT ON TABLE "payment_events" IS 'A provider''s webhook event, stored before it is processed, in the same transaction as';
        ALTER TABLE "users" ADD "premium_until" TIMESTAMPTZ;
        -- What aerich does not model: amounts are never negative, currencies are ISO codes,
        -- and a transaction pays for exactly one thing (a course, or a plan).
        ALTER TABLE "transactions" ADD CONSTRAINT "transactions_amount_not_negative"
            CHECK ("amount" >= 0);
        ALTER TABLE "transactions" ADD CONSTRAINT "transactions_currency_iso"
            CHECK ("currency" ~ '^[A-Z]{3}$');
        ALTER TABLE "transactions" ADD CONSTRAINT "transactions_one_target" CHECK (
            ("kind" = 'course_purchase' AND "course_id" IS NOT NULL AND "plan" IS NULL)
            OR ("kind" = 'subscription' AND "plan" IS NOT NULL AND "course_id" IS NULL));
        -- A learner's pending checkouts are looked up on every checkout.
        CREATE INDEX IF NOT EXISTS "transactions_pending_by_user" ON "transactions"
            ("user_id", "created_at") WHERE "status" = 'pending';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "users" DROP COLUMN "premium_until";
        DROP TABLE IF EXISTS "premium_subscriptions";
        DROP TABLE IF EXISTS "transactions";
        DROP TABLE IF EXISTS "payment_events";"""


MODELS_STATE = (
    "eJztfWt32ki29l+pxfth0mvROY6dpPMy57xrYawknMbGAzjdfZpZmrIojCZConWx454z//"
    "2t0g1dSkIlJCwp+0O3Y9Au8LPrtp99+1dva6yIZr0eOvZmYXwlem+A/tXT8ZbQf6Tf7KMe"
    "3u32b7EXbHyvuU9j+phss+fc1/G9ZZtYselba6xZhL60IpZiqjtbNdjn9IY6Mnb4D4ege4"
    "JNYiJX+K/I0LVnZG8Imn8e/nj+7j0y1u6v7ttItZBlGyZZvWafsjIU+jGq/lDVgI6u0gHo"
    "3/FA6CMmHfb3v9OXVX1FvhEr+HX3VV6rRFvF4FJXbAD3ddl+3rmv3d2Nrz66T7Ivey8rhu"
    "Zs9f3Tu2d7Y+jh446jrl4zGfbeA9GJiW2yikCoO5rmAx685H1j+oJtOiT8qqv9Cyuyxo7G"
    "FNH7z7WjKwx/5H4S+9/b/+d/tchjsnwzXchzaSHLvZTe2FdIIO+/pBg607mq2wyof/3bG3"
    "cPiPtqj33A6PNw9uri/Q8uBIZlP5jumy5cvX+7gtjGnqgL+h5lxSQMExnbabSv6Du2uiV8"
    "xOOSCeRXvujr4B9lNBC8sFfBfuoH4Abw1QB4j/6Bqymd7L7ucxSwGF9L88Xw+pZ93Nay/t"
    "Bc/IYLib1z7r76nHj1lacvg65qb8WHg6BfxovPiP2K/md6IyW1Gj63+J8e+050pzBk3XiS"
    "8SoyTYNXA9Tok3utu0tV3mBrk9b6aINNvsbjUgmNU+TqWWV1aniLv8ka0R/sDf31/dscDX"
    "8ZztxV9v5tQms3/jvn7lv/jsFMvu1UqrQSiysu2cHF1ZLFFGCSu5o0bNmyY5XaRZOyFaja"
    "X0Gg6eo1bZJHugeW0XNcErTcZC3T5WjKmOLP0XL26RiXKnU6Nkyn8ePx/N27AucjfSrzgH"
    "Tf+3caarGbfkSkyut+c9fPgds9M6DWX7mXewZVGtqP1DpTH/SfybML8Jh+D6wrhAOob7He"
    "+cO0E9L9q/sVZuKn0OKMTij6t9O/mNjeUh/OR8MrqecifI+Vr0/YXMkxqNk7xrmReCV8Nv"
    "3W9nybfAXrdNNY+X8F+84+6hNqdOv077s1jbXqApyiEpKP9PMIBc1/WN55TxejFbLRBtO+"
    "AYu/D6Y9mPbxE3W3Kqn1uCRovSla59xZ/W8fIXSwSbdhWcP6g0OPEyFWJy3avcvrm/cF7q"
    "5vkgrcX13ZW/Gbq3uKKirRlWf6MY9E42Mu6c42dc2K4c8dqBpyrYgKesM3gscalRig4Zul"
    "PjynP8+X+iX9/ZL+fkl/v6S/j+jvI/r7iP4+Ok/6FQrZGkUsjWw7I6mr8OrzYGDvVhRX1H"
    "/PpzcZ9ExKMrkvqoqN/hdpqmXXpqH9XeTeUTVb1a3X7PNe4jrCkIptiQHqr66HvyYVMppM"
    "L5N7HRvgMrWUyJqYdAEQId0kxJqhGPaxnVHMEyFftWd37ssbwzE56vmoGdjm64crndDSmo"
    "nXpZ+L12enV8TV9O5yIqHbmTQaz8e+UsKrgvsme4m+oHpm5kwaTrgLwqR3MWqmWRSurao7"
    "Nm91zLdY08Z6hgbyxkkoQtVrU8OburRAvy398ePF+U/vP/TZXs10Tn/5KUc98+vhZDK+WT"
    "SWh3pRh1iFLJQIaXKIsZrqZGHQ/9XMVzUB+orZqqMYqCkLVRkqiuG43yZFP8Xe7+dxT4Yb"
    "zYK9R2sgnn5nt+hHdeXpPfi3HGD1dyCmgJgCigKIKdD6qYmp6L5clJGK7eUnI0JOxkVdFG"
    "E3LrLpjYsUv5E68EqALWffZ7sAei3ea3qhoXaVXC6ajivcPea101F1DUO+vedGRhBOIyzy"
    "5ioVIkOaZGufLDJk6tj3xrdrenrgB25cSPyBfq5l7j4qb71nC6aaXGNVQyZRDHNFVujeyw"
    "ZZMd+VsdsS3UZb+gAxkUrxpTdbliByT6hCkEXfTCeaHD8cxKI0YLvpg8n/HRl/xdJMRC7E"
    "3tMdtD0uzs8KWXxnOSbfWfIWbDn3/ySKUIRyRKSDKNdi4d0bq+c0xAvyLcPjFjzfCXzzdi"
    "Lp10VsE0q5m8ONaDK9+RQ8nvRBH+k3qu5K5V5kOTep4IKbfYFid0QIpYXrC1xfOnd9AY9F"
    "17RexGNBmLUpcq0KBTqXEV3LxZUdmO6/BSCOylRCkTcI5LdFMH6bDfHbFMIr1dpp+FkWRT"
    "kp14lLbCIO/KwI2vSp7EjwsxTeO2xZTwa9goq6gFKC3XP/1GKVmYaWMbEPh9sHsieMsLds"
    "Z+WnBYuE2c8Xd1fSzWKAfPmlvpCGo8/SjKqcYIUaCkt9eHU9vhkgvNqqepJXfZm8CPxIL9"
    "Gm7JhCZ2hcqnvLgO4aBTee3J0ntfWw6+Ofhi6W8BOROeEquFuM6jL66vY469hWH0mp7CqO"
    "aAdnd+W7yIpeqZ/lbzs3eyCNd37Ye0r4dLHu5y2Idbec+/AryLaaFZt1+CjlDnTCHWVtEi"
    "J6qH6cSRIdjEou9duZdD2+ux6gnUm2qrNd6vS4lWa3s/GcPkNPXGLuTNUizThY/S8pO7rN"
    "s0/zCYmUMAS/NIeCSDNPLqUgPxJTpX9OGQKKOwDovMk6dyuBacaDqpctIxYVBl03WdeqJW"
    "OFXQzTer40qIGK9Qz/TVQuoeJ7KljXURuwY6dV6+V0Oolp9HKc9CLeXV9K9Bx1VblPqUzf"
    "ebzYrTI7aVwSllXTlpWAAzlCUsSLKydWoC/88ecZ0bCLZ1rzvGLOLWNGs6IgYwsnnblXHq"
    "xkvmAX8fKuXAr2bKIKZtiXyICdnmlsorG64fQxx7R4ye4isI3cQVq7HR+Ait0BVPtZJo/k"
    "6FU59AeTHkl3l6VHCfm4qcdOris2WoBbVyEjumlo2vb4CSaFA3UWqm/EVFSL0EuiTba7ow"
    "Hzhxt6o3UVtQ3Bpl3JFvaZjdTp/cuv37IzDXZfPhKuiTvYbWSsLkKGlY1KJ1cFGxgLAh3u"
    "R+sqYPRdenu1vKsrvYBZ9OfRt7D9kHNvxK6i57vk5dxiZiLYLbwBb8Pxuoqc4li2sZV9AK"
    "tCLayI3MH7v0JM2zMKjzaT9iN1dXo9mHhFrco/HPVPGevW09FT7G90pKE7UEenlwdVJVdZ"
    "F6tuX2PDCH96vD3oFVw3huFAHZ1fikaxkrdke0/X4kbdHbuHseGuw9G6Os9s7DxsbNkFzz"
    "SMbRWosXG6ipe/71vO/Vat4i47Dwfq6LJ8GaRaObfoO7qF3aS2Y++r+5G6BJZQrianUPdu"
    "f3/nYxuUBC3CdqSapHRx8dr0GvK1CrwY2zEPR+sgVEEsXDR8sQrgbr1x54lhO4KgYEJ12m"
    "3Jya7m+jazU60zfKuH69VILBoORcUR1lcoSL9BJrGIPUAsC4es+sgtE0ZB6iOL/l8jyLFI"
    "umpNVYNC8vcpYlkg+RvSgIWSv3eOSUcsnWYWEW9yGmVPuh6OJ/IXaTb+OB4NF+PpzQBFg4"
    "e9nW2p3w7n81+msyt5JtGhBuE2J7vbXHJzzJgtNZdBha7W31v9zabthy3Z/wrFKJdsaA29"
    "rNujXyiwetytMRV7DAVWO1FgNRa2oBAdm6rR49iv3Of6eSZsPMbCF4HyYWBBggXZOQsSyo"
    "d1Teuce1WKXRYtutThYkvnhWqenOeUPDlPVzyJfrMUzNmFWRNiJ6xS8AJHVWXVWRPhoTaF"
    "VwT0iEgnpvepIV+p67Wq0D+BU4P4QAmUmOQJe33WtbFUV/5EIWszr2N3xlSOSZ1w+7gUbc"
    "9ddrMuslUXb7nNyqzJbjVB1rXBdLJiJbI3j+wRYPMW3km+kmd5tzExN68yu8V2QqwZLbY7"
    "1fucPGLN8egA+nVtYqpYREEZ4s1QVKd6oZNvO6Iwo2zlmB7gJZty5w4EXbmhTIrodK+wTI"
    "qfZijGCsaEjiAH2+PrKe8W8LCqwDEwCQdqJaoHPQOxSRXzDdBvgG7uJpM850AkLvIF8xhb"
    "An08axayWKoKaxZ2OrkVS7hupqCWSZ5jKSyaAp4k8CSBJ6ktPgXwJH2PWi/iSbI050GEog"
    "ye71wI45tCbWje5LSheZNuQ2OrdlYTiYw40UCgE64M8NR1l+xl1RweDJPjNCoWux6VPyH8"
    "bo02QR30Lu/m4xtpPh+ge8dSdWqbLfUhix27Ho8GCCt4RbaqstSvhuPJbwPkfsZSX8yGX6"
    "QJ29PwI9GWuvTr8Fq+nUm3A0S+4S0r4uLmkb981XfX7+Q3dxHyVfkyJ9TfsJ2eKg8t/E0c"
    "YU/mlAiftxJh1ZJ3zr2mskQ4cSY3JnpCMjd8pbVsbohcCcMhKQux/M2xFNIG4pra9o4pvL"
    "qiYrCyBFaWjR+E/OjB883wy3bKgb4zVYXIeBsUFU9sckRRt1jL2OMSoknteLKv/THq0lBd"
    "ftgcRVxJo/H1cPLqzVn/PDHXow1HeUArjsmKEWbYFnk4RyVP2XZufnWaS9NFkXTW7GzW1K"
    "Vpix+IaBvFmFD3+sy9K0RTvMuhKd7xaApoDdL9G5LXXUAwsiEmBJEN8XWzNo1t2NdSEFie"
    "LGSUpsoZlIU3LQng5sflxCZkGmrx8JzIUO3E92CEDm8NxwJ1ZnTTno1Hi17WrAaci+CcXs"
    "wFUPZOrgoALpiA3swT7iC2sQP+qCizKmpBzknn6kBCQxko8F43WKxc+Z/H4sQKlXcVoJeq"
    "VtuSQ6HWqM6gl1OPE9cZvtfPi+wMmktBbCfEdkJsZ6ui/CC283vUepHYTldNKX0XC88KZJ"
    "sch9hbzIY384lfUNS9gGh+JdHru8lifDuR5NHn6XgkDdCWDqjuNCIrG0NVyFKfjOcL6WZ8"
    "82ngukYJq96+1Oe30vBn90VrR/BX97VfZuOF+9KTqdruKx/Hk4l8ORne/Ez/EFXT5HtqPL"
    "uVzMVjIguFROZERKY9aIbfB6doLOReosnKbm4gpGGa1Kb22z6JAJ+WhDhUYfixopCde0Jl"
    "td3KjpjgyUL0RL6KymW10/0xtPqKLo+EWBc8zadeHBuVF6+SDXnwPGANdZSOuFJXV5yBWN"
    "SscA0Qi9BPWYkXwuANcDqIL6AABhTASAK+JSsVC3rbozIQJJLrZnehqsArec3GGVp+54lW"
    "AnvQNxmdVke4Jo1dBbx/wFRPi3a1aqjlme8n8WuOaKr+9Ui8vOosUX6/i3i5R4xqP8vksY"
    "J6If5g0mO3SobEAKukp3IwrTrYV/kUnrhp8HUz/XH7Xe6wV06O7K/VOud+Dz/DP2dVd5S/"
    "g9MOnHatWOUtdd8UcdrxC2Hn1I7oUhXsE+RkUPvVZ+DFDd+IIOQ0imQLBydMCvFMBicqcj"
    "rips6p7VE352/e/vT2w8X7tyF/E76SR+JwOLLgliB2GCfEIHgfWJpTsjTRe+eRRE0HTeB+"
    "gqdJLFZ+H7PU7AUSrH4SrE5rMkw84diR0aSUbAsySOqAuE4wEcFE7JyJqNAVL2IiBs93r3"
    "pj5TXRoMVajd29WVTPI5HFMY6JAdQFoF5r+EG0wkdUpguhQKchkyCIom4mKWVOFvFN+0Xr"
    "ZZZKfpxPbF8iv2V7TLF0UB8n2wCUclDSsGWZhrE9NmU2GKdLQNVqC3u9aHiWcNilJscOdp"
    "+pxYFKX7TBeQqWcQsXcoctY8h47JrWA4xyMx6h3wL0W4ifYC9wWNWSXgKe8+o958b9P4lr"
    "fAtlDcalIF8wf6qXyBd8NBR872iY11wkWy1xqWaopVPNiR9MvN1iU14bisNZMNmHbEqwe5"
    "ziRaGz9iLnrL1In7XfdrJJmOUssOfHZLrT6Lm6YKkwH7BsZ23eAKcD+l29OFeRTwiJsJCk"
    "2U7/QoxA0FVbMPovIgLRlPnRfwFpemR02p0/TDshPRiYFplQ/Ii/Iv4vSyE6NlWjyu7k/p"
    "Dtu7UV8vGEwZaQpFkQsZ1JTPKHo1p0O60OtdvIqF1FbkV2hH493QbYICv4FHsapAcL7WsG"
    "u9NUtCz3Y3URK2xZ9O5WQeX1YThQh9Zi/aEReUWg07eQQ6ESslhF6N6EnV4oFEK2gfyYiz"
    "5SdWSYK2KiV1gPH0Fb/IzuCTKJY5EVun9GFt3LTawFcj+87iUgr+1DuHEdWhhWso/s6KPo"
    "62EKE0R8QMRHO3bylvr+i0R8gIMUUosbTIZxakCJgRoTAkjz+cX9IX0kw7gPLm0nrAc5xt"
    "i0OpxXDGnbIuAWStt+odziNFeUaTgkGaWDxkOUD6wl6DpyOY9+N7iIw0W8HTtIhy/icLup"
    "/MIY86+IAcsRBXjh8vgil8dd4h4B8ObDy1m7TbpCRmoDca6O8cpB2VdGr/oOZg9ClRq4EM"
    "KFsHMXwq8U0rS+i/WhC2SbnJ/VG95djacDhJ2Vaiz18fXwkzRA6pbumkv9y/hKou89qiti"
    "JB1aRSLLPxSIK/+QGVX+IRlTLlgJ5JgiII1bYfGKQWeFQvbZY9lVg87SQftrw9zytrecai"
    "uhRPfyIqqvy/SHgzWVF1qeDXBEBBA+jPDKMd0IjeyWSx81A2eF8HOEE6CvmXT7YM+B+Wp6"
    "dzmR0O1MGo3nYz/1KjyB3TfZS/tw85k0nCRQt9Q/iXz/zM1IuVQfMn2YcblSXsyGAe07Mf"
    "/v+fnFxU/nZxfvP7x7+9NP7z6chd7M9Ft5bs3L8Sfm2YzNf05TJnpt9HAT2FliQh3cW4oe"
    "kXkn5A9lCzfFIpCOD1VsnzIKhd29TOultiBVJ/0xJ0pWk5fgrX4e8WF5D9XiH1PCIlxQlg"
    "iokLYZat2lQqAsUde0HmAEZYkKXiqhLBEb+wUOKyhLVNf8rjjqViFrk66XRyJE1calTjiV"
    "h2/qmsyJjaPItpG9aSS3DO+KLBhNEROCOIr8OIq9EXKko79zJYX7CUd/bFqVT/Vn9QKOZA"
    "I6VlEh4TpQ//zzWDrpb3QQIEgKESTuXOKwI8Ecy6ZGwolcNS9i7YkZIEaAGGnZLtdSExmI"
    "ke9R60CMADECxAgQI1USI4ZmmEKcSCBwwgn8f959GI3Ozk/DiVQf/aPSzxPtFxaV6V4URC"
    "39wnxDRJB+iksB/5TPP0WMvSMJqIg/v53AHmSg4jOrPAUVabRUnmPpXGJPrTTLUNmo5JG4"
    "BbM4bEv07X4e6YL3D0IiDpAsQLK0ytwGkuV71HoRkgWahNfYxxqahAN71UH2CliAk7AALE"
    "XKpfxyMk8O58imR2ny/tKbSPP59EYeTe9uFgO/ECv9axzdXurzxUwa/ixfDX+bDxD92gR/"
    "lVf42Vrqv97Ki+liOBmgbztqWNhYW+q30uyjNFrI3ohUYkfMNTVkZd8KXeqj6c0XaTYfLs"
    "b0ffqR17cTaSFdDZASaWdg0U/f7pi5u2ISd7O5FH/UDc4In+mVmD0XRYKXLrKjly5S4Uv2"
    "ht4QNoYm0hwqJgMMM4dhblHLrbZ03ILORSfoXFQuwQ6bFL5jA8YsYiYoppbtIS9E2kV7Tn"
    "Bpu0RTijziLtUMA7g74O6Au2sLiwNFdPZmAYVp5l67fcOA/kmmezEPzYbwYh6aDuHlfXgz"
    "/0WayfO7y+vxwn0G69YTMWXLud+qdmMu72xtp5WZ3ds4eB66GuczHSW6Gr94ifuGsR7HnF"
    "kNqQHbSUQdes8W7Ue6F4FQkQP9SClUaWjF+5H6w7QT0sP9SPcT6nCx19NX0W3muj+iiC79"
    "BujmbjJpQguGloKb14FhD282W1InB3CFVe05sPN7HA4g/kA/jwNYsUdlnwlQi3Ztm+oEmc"
    "YT480RW9z0urxCmqFgDdH/iL7CJlrhZ/RK1ZG9Ie4zf7EQsw7RnwYVxrb7OnuB06+t+uG5"
    "SV3B5s0MV8jmArKiJaduh8kKCDTqmtaLBBq5+y9X35msBu9uEtNyCzWco1GmpZTHUcjVCD"
    "5Gno/xwcCavCWc3SbXxRgVO6GHMXylVS7GtG1nxWMiCs5hrixM6STEbAeUrR3R7ew6zNmB"
    "HlxhADkJMpBqQKq9NENxkFR7GXJC0k1D07KSiiLv9vNoCRI+V0s5l2CG+ZWmwPYH278dm0"
    "NLrUCw/b9HrRex/ekhbjucK2qxAJW99AlzNfbRpSJhKsPRYvxFGiBPmsWLRwLFw0CU2+Hd"
    "nL20w/SIor9fzaa3t+yFlWnsduXCUKqv9eCG0ctCDERUBOyJpD2xIdjkVWCcb7GmZWK6lz"
    "odou/qRfTi/Kf3IZjslzwc59fDySQLTLn8ecIdoIPHSnuPkfTtQcOW7cf9l9B4WroCdTfT"
    "890JbYcnZhkbISELmm62pqHaNkQENg1OIC9PGREI9eCLwlpRPXj3AhzJCiuf5feZjRSmon"
    "UEdV7E+s402B5RSQGz28hYXYFMyOUQbWli2upaVbgRIgGyU50sDPq/w/iO4sO18lrHx1bE"
    "Q+OHtg5tm2x3fDdN4pF+rq8mCJXF3tOQSAr+GfDPtIqpL+Kf8Q86vN8ShAJ3ooJQQoTDAf"
    "v4yLqzveeZEJn4pgVPh++btoDrpvOmQc2uBbaXaHL2cyWcUC2FwFignmkSRTS2Mi54wujK"
    "lwG/wuDKSPDetmTQ3xbi/bjQbtjAMnPJCvvoYpKdQbZCP51mWJw9oojnMxQFWOOlyNwCTY"
    "KlyPYynUGzsuX/4rUeWnSgtaXYQzchDWhIQVATYgAruMzAZdYw346Qy+xlaj20Fdq8Yg8N"
    "qVHSVmizi5Rwgc12o5WEtoO+tCTEicO7SclAEfcvx8sUdw5nO5iS7mjwLYFvCXxLXfIt+X"
    "zOPVnTXb4kGbQX7pJ7qUKiDa9t3j27ELihLGAbx5auSe5NsFj+0l66yU6m3i+z6c0n2SuS"
    "O0BPpqE/yHv/2MuXxd1nC4sydElBMNWB+QDmo2EGjhjzEaswcCz3ERuso/CmNsEmWZAJK5"
    "5jRabt/GxLkhOsW1dpCZ8igtISYF62Y7vosHkJpSW6pvUAo66VlnjEqjeCmLp7k+noZ7e1"
    "iaF8dRuafBmOJ8PLCSs4EYy51Mc38u1s+mkmzecDpO7PwaxqFDeSdDWXZ9KXsfQLnUCErC"
    "zZJI8qeSpj91Vfh+KeWLZsKSU4o7hkKVKjYdkhFXIa0TwOsRhkCB8c8OKH/CWlBv1KBYDl"
    "iQLAUPTyZXqcQmBhtZDmhsB+d9GvlcG6Vk16vB9TJIQ/ApQKac51P23luUV8jlE6dwDQeZ"
    "N1rjimyQ5ub73Sv5twTv7s/ogZ4tAuMab/KtolBkj7bTnLEHDcEWB5Nnl5gmMWkifaAyn4"
    "usHX/dLO2Ia3ymwrrIJh6BBEcPIgAk62ZTYPLVJTi1PLqCM6iHu7WKd6y6JDH4nXPByotX"
    "fnI8uPCYaosBNpqGxU8kiy2p4kH+nnBam4RwDeP11rmErkcyBWBWJVWrIjtjRqoUisiucu"
    "KaH0mGAHdd4SHRfiRSK7rqDBmZYEuxPMeDDjG2YOCZnxOH4zPBLZxD2zowCn98EmRa2z2T"
    "236SXlay/DGvDfPWwIWO6DxWyA3mJDEJP6i4VMR9cp0MhtvGQhrJiGZSGvQLg1QN6wCOsr"
    "hDXtR3YnQL/eoleGTpBpPKEdMd2R/tpLqK2Oz1jqqm25L7H4RURfUrFGTXY6ZPBR+zgo64"
    "fXPb5VA+YLmC+t2OQ6bL5AqH3XtF4k1N73zadVnh3XupeA+LVk/Jpm6A9EKCQwIgFwpuCM"
    "dHejFwysyStuPwm2P+VEhnFHyNunWsuf82Bl20wOrtBzr+ucFTR9rXhbag5PddggaQdLJW"
    "LsH2K0gqZCNfNZTYD+eDarOuZkZOiPxLRcH/U1sSzsLroUhcJ7rJ/HpSgRAXnrSdTiWLVI"
    "6Du3CH2bzRpwrAIzUeEBBzZqGWYiXI3F7y9RkS4VPqvsCmMR+ndwDs+CKfahdKOrn93NWd"
    "UzdgYu9eF4gLC61Oe/zRfS9QBZz5ZNtkmOPAP8WDb8hwLJ8B8yc+E/JFPh6WfZXAYmu8NR"
    "RKTJ+FdibNXR4shyHhjnwo+4y845Sog1I9eIfV5nco22xMbs8BfRSlSmGSrpVPqXfysWNH"
    "fjUhCZkR+ZEbE8jgwhiFpXc1I0FrihIB+0buOzrHzcut+27vgI7FE4UIdQrzUEmzdhD7AG"
    "kXldkDXw50n9Jeh/jxIukXTXvwNvALxBM1d9h3kDiGjomtaLRDS0sXig60sV3FJ7w9Fi/I"
    "WVCXSll/rt8G7OygDuMGtamlUZcHg5vLmiyNNX8T3WV4Zf4unlawKWLzBReWGJpi3X9i7P"
    "9K58TJ0fKPHTJk2vHDO4f4tW9uOJQhxCksT3vaHCpSlTcgBtuvCnvlYfRHjIvQSwkNWzkA"
    "rRsakaojRkXOwIw7k9x4RAvp1NsLIRDmWKSwG329jgsNbCCUmMp0xiDDbJqt0PkWFbubke"
    "dj/ET5cY0vQ7oJu7yaTH23ArQHrhjXRrGmtVa7FJexDk+GkTw3hGLZTZeLQo5uSJhg4e4+"
    "Hhhi92BPzYZH00FHzvaNh8Pg6yL+E4d53qRQ5FnOrxIEYqqjxizQnx4mMaRHsXKCcWG61D"
    "yAq5W0MHNdfLGnVf5zlXY/7yml2qAVvhX5ANS3WHBZ8q+FQbemK01LtWxKcaLr+UzvPbNk"
    "XlOsM2VtGyyTDVB1XHWhrQ7PjfqAwEAJcIAPYPMMI5KPKiriNCAHsJ2Mm3nUZvJvz9Ixv4"
    "hBhAXwJ6F60U5sViIgLZJgPf+zQbXl8PZwP0YOLtFptL/ct0NLy8mwxnvw3Q3pZd6vNbiW"
    "3EnwbI2hFNo1qiry1+Yx0XLfuZdVu8nU1v7m5G4+FiPL0ZoJ1p6PS6poYzsAGxEuSRmKrN"
    "scyLJvDs5Rut1sn0F9Yb82mpX0tX47vrAdqSlepsl/rn8afPA7RRHzZLfTQbL8aj4WSAqK"
    "ytKt7R+MKJPaajZSw5/jYXPH/CwKO6LI44rm/PCgD79iwTWfYWJ1QojW12OmDwPOQCcnzd"
    "RBdpDOg/DUjmBGSIMRAJggM8gLkewO2eda/QW9U9Lr+fcKTEZ1mTam5GiFkOKRmnbbNJyT"
    "1ZLFBy020kjYw1wvsYWeSniwyQQacH1jT0X8hmzzpb9iT7p0K/BnvQuf/RHcF6nbxvVD86"
    "lM1swL7UB0IUCFFIMum01oskmfh7t+zuz6JceEq4S3fpKjhxn8Iph25KGNCNo7vnwsoBzJ"
    "MHjBN9zDVWfqgkwClhQDeOboyQLYdxxhCAdNJRtt2ZZEN0qzTSGUMA0gmkydqUNfJIOJ7g"
    "bM44LtVkJr8kd3xegDo+z2SOz9PEsemOLFb3KSrUjOSeTlV9UukGYUQ6JhbVS1IOVFO5an"
    "xSzShdKTA2wClT6lVBFfSCAoELaTj6zOoGRoL1X9iT2LQaXE0ofVyFU0GE7i5QrUuw8HRF"
    "tbqaoIzqK3Ud5VAIk2PImphuGViOXyH9UD/PvRDkoezC5wu6GYZBIyyL2PSAeLDQ2jAR66"
    "TlD/lXhG20pdPVfVG1/IIeYZOttG+hmiFzuwsHmx8UwAYfQ4XnMrDN4GMArRfzMaiWvC8M"
    "lUh+MgyNYD1jb43KJVR+TwXr0nL4yml308vpdBLT6OU4GQ97d30pzV69cVVJH1K9iweHg3"
    "Es29iqf+6jCIqaomnJZhijnSoCAuUqoFxFE+GEchWnLFcBNRSqrKHwwqF/CRXkmemhkorY"
    "6O7DRQ10HQ3HgeXMTGTL0PFrNHcbhAS/UxPaJMja0P+v/oq8454Z1xa6J6yFJ7INv+U1x1"
    "yv4QMgGrABG38fLPXvyGYDS/171HoRS939mdJ3ttc+eL6D/vo3Z0WSvehT2cmOZ6l0r+g3"
    "S8GcnTecEOtAXt2ps4b9u4nGzTTNZkMSYkCFVE6FPBoqrx9itkpCAVBGPbwU/UKymz4uop"
    "W0JKincvWsDYXXDyJbK6EAKKNyZaiWvO+8KebU2Mud0KkR2Kat9Wm0zYvUesAD8/3+WZBW"
    "TwlCufJcbn2P1+kY9mbiepAATk2t8r0So730EttJyTK63etTmUhWiQWMlceMG7DWFcTqdD"
    "LECxBzfAypCsXZLoZI8ptjFfUwfDaekLG2ie6m99Mz19S9QLwVwujJMFdI1em//KWVdiCU"
    "kOcG90UiV5kUBPeBy6Al+0ZLyWNwGXyPWi/iMnD335S+s10GwfPgMijmMhBtifYCrdDe1I"
    "VuxUXNmpZ91IwrbLW2bGZO0XEteDpnWfWPzSs6WWTTiJi2ulYVbHNNjujbuQaHsn+w/mYL"
    "YACAAdDMDaGlV8EiBoDubO958aw58SOhRDXXwRdNIY1fBi+KFHy4yK74cJEq+aBallNqTc"
    "UEO7ikWrKEONZUeg2RbzuVDldCy3FJaCjeZC1TI820RKsrx4TADoH0nzrhJLppaBqrSCMI"
    "akoQ6nVAXtVJ86q8fbISBiIYqKOwxk6U4zkH3u6RVoNgcRkpNlQbN4yDakhtmXWXlfmbo/"
    "7Z43A57uv9PBLnD/rEnyfgb36PrOIIJQCtMoHXaeie22FeBxy7XdN6Eceurdpibb9CgQ66"
    "ds8LuXbPc1y755ANVuawqicbDFuWm6xSquB2Uvh0jvafWtAGmG3ksqZuVVveqrpj84JFM7"
    "HlC5cCuGHsZeUN2ujuhG2bbHe8UsP5Mzgpe7oJfNH8+ata8s6511RrQzgmxaFMk5goJJsI"
    "JJsAI141hWsR19oUDneKSkHmTn7mDlCNwfw5nmrkzN0KkJ3vR2rlhC0QORZdsDFo6VdAN3"
    "eTSbGEqOzrhEhyD+MQh95IHZrOsclJv6mVUVhTFKm/+UN1FSpmKz3oGQ0xRMAahgN1ZyXX"
    "mivmrkPdenLpdS7T77/bP8T3y9h9UKAZrZ/Y9RcLeaKs5Bur3x4sHLeTrI78DadP/71CG+"
    "MJqTZ6whbaYvMrWfE70VY3NDexDO93rmBESC4DH0RLtuSWstHgg/getV7EB4HDI6ooOb6X"
    "KMWLN/PmcDJiXDFMk5oTgrxXRKoc5dUe1CtkvHYG+zwZs6sej2r8qBk4ywWREk3gvmaynQ"
    "L+anp3OZHQ7Uwajedjv55TuFW5b8YBn0nDSbJ+FiErdrkW2U+iMrCjiO8oDyZelTq2Y4IQ"
    "zd6cQzp9N/ONJkGiOS4F7D1v4YhGtMeEgLuPIxoY9IKYJsRgoua7RCIMypHMfTeZ5H6Cvo"
    "9vg4c9I39EGOMKAO4gAZ1EOLGAD0Ps7aIVANztWnyxw0bY71Q79+3vHFnk935jOcR+R9xi"
    "1ca8/+5+gMtF+xMl2Az8vOgk87zvagox8cBHN3+HbikzCXz096j1Qnx0fH9OaT4/7jItfb"
    "rIy/pDW6sIvqQXKptX4p4lHUgUttS9Kx66FkqfMCZe1VmXNjbHLMFzqze+kW9n008zaT4f"
    "oMg4S31+d3k9XiykqwGynPutSifOaqnfSjdX45tP8kz6MpZ+GaAd0VcsEt0kjyp5WuqfZv"
    "QqS0U86mypS7/ejmfsBa80hDchRWvavS+Q9/AmuSQjFe3eJ7MeqJbMcjtnXLKDO2d7d8r0"
    "Abmih4Cm6qSEnhOiQP42Wc/h/lRmQSdkQdNN1rTvdXQDsEr5K/eS4K4s4K70UaNqtNR7Xi"
    "rmYcSjsiUxL3VGnr2uK1OtZswzMgJzkM5KA4Q5zZ3T2LKE86r2QhBeUji8xOUuRT1doQh4"
    "uaC82AmdhgEPXoFDq72QFnBkhevzsBMLCosVgfRgYbFCiVP7/Igj86bC4NWOwJ22FKvouT"
    "UPB2rt4X/6XKDQ0Z/hEI0GAhzwiMby3w5nBE0j6Tl91uDJMFfEfI3+4ccN+/lF/3Bzdf6B"
    "FYXsXErAW1X0ZZO47aK+kmf6l5FHb4XEMoOq/4ilbm2MJ52lF/kpRxZydFvV3Oc8wR/p48"
    "h0NIJesf9b/8HuqZbFktT+g771evf8A8KaZjxZSLWzc46Cw48emSokHIGDt0X7fktdfeDg"
    "/R61XsTBG+7BKZ0fKAoVkQOnbqIiFAMihWcxl24g2+SScr3ru8lifDuR5NHn6XgkDdCWiq"
    "k7jcjKxlAVstQXsztJ/jiczCVvzsnu5y71+efpbCEPb+a/SLMBojcOM7iqLHVpPh/+NkD0"
    "QoGfkxeel/Hc7kyDG9mbnT2zl2iyAhubPOOx+CWI/1Pz/W/ayvcbu4xCHv89n97wEY6IJM"
    "92VbHR/yJNtWoDOnKfvndUusvo1mv2eS9xpWYQ5U/55OxOnNdsgIwMVFk88zctCfl64ltO"
    "0jYWWRk8WVgilS8R8m2nYR3zr6nZ6yMhBmVjhdcGuNTAB/TSDouDPiBwWDSWho/UMOOQ8P"
    "EKZ9kUfKKk2mH+/RfD/IosYqO1YSKMFI2OYBrGlsUFU0Ht2S2gZayRRm1Nxp9bCtGxqRou"
    "W84mHHqF0eizNPqZUev2hqT49+o/Yqlv1QfTnYI/vEZD5M30FbKx+UA/x8ZfCWPVLRSBAz"
    "2p9oa+OHArgIWvuy8bjs2+w1LfYAvphr2h35x+m7XNGP6VkcXOpxKwwj+NCUAWFpD0zd/r"
    "WkrXAkn/PWq9CEkPnUnq7kyisg90lAxuLNvGTMqBkSlsZK6cUikzDmTLNG/nSh9YqiXT+7"
    "D6yNm+DrWW2MtBXwmBvhLBfV20tURCDtibJLD+tfn+WRTZpCDUqYoj69nIgqjGhADRhhC3"
    "nUQz4G5EG8vExQDV/M4yUZ7pSEp8FB2rnYfV4f4yifO6QJvw8ByqAOJuV/pKHdkZ1b7Sp1"
    "gF0E7CgboJbuzkLtAZyd9Gq9gXDP2RmJZLss8jw3YT58T5U6TS4ikdki1FtRJ/5MtkBrXl"
    "qKvVJ+neDa4JK0hlbdRdj+OYTD7Sz/NOuuewvA2frqVsYuxyZNnOijlN08USg3f64KkDT1"
    "0bdoCW+mzAU/c9ar2Ip66F9fz2NLtICshwtBh/kQbIk17q45vgFVUPXpvfzVkFP6+on8WK"
    "97EifaPp9e1Eckv9KcZ250a59IrNm5rTPf5pqHqpFRsT7OCCbe8CTe/LLASqhIojYuBwbL"
    "J+wf9VFwvuGReiJHhMCkAFEvxlSfCIiXwaBryt0MYXrijVVTuD407sLO4mmPUHWBv2WA10"
    "TYqWsQlWNtDGAmiZtuwRLTXQgZb5HrVehJZxf6b0nR0/HTwP4dPFwqej3ywFc3b0dEIMgq"
    "eFg6c18ki0snRjKNzkad4bvhmg4ZulPjynP8+X+iX9/ZL+fkl/v6S/j+jvI/r7iP4+Oi/D"
    "JJ4XWRDZyyG5GBS8w4pqc6Js8ksqReVOV1Lpoq5CJhUWVIIg8hMHkTNCm+K4Ejo0Y0JdKE"
    "VyCn+DC5hc3hbJGgNI6uZcRzlOCKw/OPiBiMa8x8WATU0W3vOIFkFU41IAaj5FHSGzgEDN"
    "I1Dj0+owMx0s7gqQnUSG6ii6ia0wBu+M7s+z8WhRsDZMvLxI+VjMeD2TjuAem6KJKMfyUH"
    "EiLLuCV52ej0i0L8f1EY8FLlJPR07EIR8urTNEvl/oLxZ6YjVw3Po30eIzA7fyjWk8oR0x"
    "g6fdqjf7Z/rIJDsNK2SFvC8bq61Tw2csdbYZo/2f+xotNsQbXbXcCvf7z/TyE1DQnLSPlE"
    "jaAGIF79lP+p1YKPhS95vc9tEW24pbZcctmB9+ETriVzpJ0Stsoy09at3vTj/UIqxuT6wG"
    "EApLAP11qetuBSG6z7vveF/Vtoi2Rk/YCsoD/ZBdZR/HtqNCQcOx9oTgnwL/VEM335Z6Ks"
    "A/9T1qvaNhw+FZIbir9vitvpOtvGfS4m52w14xie2wNqrstYgsBT/2DV6czWtYX+Cmrd72"
    "rtb0Jq1aMrVwSngjAqkT+iLCV1rrjIAWtdkwV9ESYE3IitmnaYizPfdRmS64ek7tt/eOuR"
    "InRUwQnDxNPiUiPIuYxZwSBJ8Eb/mI+nliQlCNh1uDKyC9yhXjSkgDxpyqXD5dWKY6V1wU"
    "0E1cEz1iVjQ/KSYFmELO16kd6nGe/kjPbyd9kP2E7zd1P4K0r5OmfeXcGyoA2Ct/dhsZsJ"
    "U7b9EyaIk7U4FCc/6RVQHUsXpopGMN5lMzO3bSF8A5eueqAGy3fdB+tG6CzLmnFkDas8xO"
    "tzm3FNyYAZsB68uk5N7iZ3YcS48ZrZ5i7/fzglN23pMyeSze72nIYjUeVYoNixgh9xvD+I"
    "rcAfrIsukcWqF7sqY/kWqzyAv6tEI3A7LqB3EXFv26FHKsW9iLGsBW0qlUz6csddbSiazX"
    "RLGtgdvfSV3R8b2pqVN5tPU7P7ktoPxH3biQ7NCP4IuyB9xvyOZMMvIDwjsgvKOZd9WWOv"
    "qLhHdEV2bRvJqoTJMz9Urm1VwUSb+7yM6/u0gl4IVbngDIUZkOgnz+7l2RJMd377LTHNl7"
    "iXQLBpAAxsHzHcT3/dsC8L5/m4kueysOLr0IaQbmzOHsdtQRkWZ0oWYf25ku1CZRiPpY6s"
    "ROiHbwyG7JEV3Ibxte3EtoOikLHvoma9pwbMUQqwwSEengMVZ9VCS9ynO7YmSHFu0loB6I"
    "cFxRhF0QzYJNSYIzND8Rdg9YBczlIj5aK/E9nBKbmmPNYjFNslWd7dy5j6KQJjM5j/VzOU"
    "1PgGXbhRL11x0Efg/4vYbeObrL70H6Vte0XiR9a6dhzh2gWPJWINtka6J3O5Oux3fX8vX0"
    "ZvF58tsABUfa1tDtjfa81IMnfpOGs+gDzwSb2nPSmfYytkj7suxKqCrZmGM0vBlJE7fbBv"
    "uztKakyymOaTLKfUdM1VjJFF1T/KTMGKODu2d7d8v0IZlQG9E5F1IhxfsjgNqbrXZ3/6EX"
    "nFzF56ZQZg0B+ZQC+ZTBOVDGNImLArvdgvUmzsCmBCHDU5yJhUiPE0R6BIDFqDXByI+8Mb"
    "ow8U8QCOJYwsmYEZHTcovtcDNkE+BcB8SR5fg66XzgVOKLz9g0ZlOdLAz6v5pTgZowSQ/6"
    "aiILtEDzp6P8LtHpx/G3JGZntp8luSCq7sIdO56DUyPh00rX1wumWrT1Ux/9TvXimJY7u3"
    "xmCQrugcemqfe4dnL34LH5HrVexGPDKrKWdQQEsk220Hqj6d1sLsm3d+zWPpdYr2123Mg7"
    "x1Q22HK7c1/OR7Px7WI8vXFL8cWiGV7eQfBiTrXT3G874lPDW8Ph5dVfEUXdYo2/c+6Fkr"
    "umJ/Xal27OeqrianIljcbXw8mrN2f98wRJG0D/NtVZzfN0KJxmUtmMRlSmyZtUWRqpCIuU"
    "TSK13yvc2xF9xfAS3XGkm6vxzSe6kXjyS300vb6dSG49VcXY7tyS4kv943DsOozXWNW8uq"
    "sf726uvKKr9Jq/aooLGSjWU1Ksh0KLCzCsB2OMm3RAN4lg3RIbM7s1jXp2NlhUBtLB8v07"
    "JdLBwv2yDF+QkAU/anNMxTRD4B2DJdQcEwQdN1nHwcWmVHJnTBT03GQ9+yyIGKEeE4KsqF"
    "Tbg3zPe06dyIMO9+8e3eZ41lsLZ04KH98LDCUhBT3B6Q22AlBH4UCtXPcHUY0dKhntK7P2"
    "2QrgzUhi7CbWnINGOPE0UV7oyIibZEG8buBea/PLITFVZdPjBIj47/Rzm17un2lM0u1Yzw"
    "jA5Z7eanqm+NOisbFG9MvSHz+ev3n709sPF+/ffuizsrf0pfCVn3LO9SByPTtigxWv5W6H"
    "2VxkRKSD9G8t5CNbVAII+493EN03Z2dFXBhnZ9k+jLO0g8/QbW5l8mxmNyJyemL3Ze74lV"
    "G4ApG21R9m//7/hoHcFg=="
)
